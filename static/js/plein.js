// Plein: small progressive enhancements. Every page works without this file.
(function () {
    "use strict";
    // Phones: the section bar folds behind a disclosure button. Without this script the "Menu" link
    // opens it through :target; here the link becomes a button with aria-expanded.
    var menuButton = document.querySelector("[data-menu-button]");
    var sectionNav = document.getElementById("section-nav");
    if (menuButton && sectionNav) {
        var menuLink = document.querySelector("[data-menu-link]");
        if (menuLink) { menuLink.hidden = true; }
        menuButton.hidden = false;
        var setMenu = function (open) {
            menuButton.setAttribute("aria-expanded", open ? "true" : "false");
            sectionNav.classList.toggle("section-nav--open", open);
        };
        menuButton.addEventListener("click", function () {
            var open = menuButton.getAttribute("aria-expanded") !== "true";
            setMenu(open);
            if (open) { sectionNav.querySelector("a").focus(); }
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && menuButton.getAttribute("aria-expanded") === "true") {
                setMenu(false);
                menuButton.focus();
            }
        });
    }
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
