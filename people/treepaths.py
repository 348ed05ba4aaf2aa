"""Materialised-path arithmetic for data migrations, where treebeard's methods are not available."""

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path digits
STEPLEN = 4


def next_child_path(model, parent):
    """The path for a new last child of `parent` (historical models have no add_child)."""
    last = model.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    if last is None:
        return parent.path + "0" * (STEPLEN - 1) + "1"
    number = int(last.path[-STEPLEN:], 36) + 1
    digits = ""
    for _step in range(STEPLEN):
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return parent.path + digits


def add_child(model, parent, tree=None, **fields):
    """Create `model` under `parent`; `tree` is the model holding the whole tree (Page for page types)."""
    tree = tree or model
    path = next_child_path(tree, parent)
    child = model.objects.create(path=path, depth=parent.depth + 1, numchild=0, **fields)
    siblings = tree.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
    tree.objects.filter(pk=parent.pk).update(numchild=siblings)
    return child
