"""One test module per class of attack (issue 14); each test failed on the code before its fix."""
