// Plein: small progressive enhancements. Every page works without this file.
(function () {
    "use strict";
    // Close the account menu when focus or a click leaves it, as people expect from a menu.
    document.addEventListener("click", function (event) {
        document.querySelectorAll(".user-menu details[open]").forEach(function (menu) {
            if (!menu.contains(event.target)) { menu.removeAttribute("open"); }
        });
    });
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") { return; }
        document.querySelectorAll(".user-menu details[open]").forEach(function (menu) {
            menu.removeAttribute("open");
            menu.querySelector("summary").focus();
        });
    });
})();
