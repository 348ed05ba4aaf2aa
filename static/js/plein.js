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
    // Tabbing out of the account menu closes it too (focus left, so the menu should not stay open).
    document.addEventListener("focusout", function (event) {
        document.querySelectorAll(".user-menu details[open]").forEach(function (menu) {
            if (event.relatedTarget && !menu.contains(event.relatedTarget)) { menu.removeAttribute("open"); }
        });
    });
    // After an action that reloads the page (like, pin, moving an app) focus goes back to the control
    // named in the address's fragment, not to the top of the page.
    // After load: the browser's own jump to the fragment would otherwise clear the focus again.
    window.addEventListener("load", function () {
        window.setTimeout(function () {
            var anchor = /^#((?:like|pin|app)-[\w-]{1,60})$/.exec(window.location.hash);
            var control = anchor && document.getElementById(anchor[1]);
            if (control && !control.matches("button, a[href], input, select, textarea")) {
                control = control.querySelector("button, a[href], input:not([type=hidden])");
            }
            if (control) { control.focus(); }
        }, 0);
    });
    // A form sent back with errors: focus on the error summary, which says what to correct.
    var summary = document.querySelector(".form-errors");
    if (summary) {
        summary.setAttribute("tabindex", "-1");
        summary.focus();
    }
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") { return; }
        document.querySelectorAll(".user-menu details[open]").forEach(function (menu) {
            menu.removeAttribute("open");
            menu.querySelector("summary").focus();
        });
    });
})();
