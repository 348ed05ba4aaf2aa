// The guided tour of the homepage: an enhancement of the welcome panel, which works without it.
(function () {
    "use strict";
    var panel = document.getElementById("home-welcome");
    if (!panel) return;
    var start = panel.querySelector("[data-tour-start]");
    var dialog = panel.querySelector("[data-tour-dialog]");
    var text = panel.querySelector("[data-tour-text]");
    var count = panel.querySelector("[data-tour-count]");
    var dismiss = panel.querySelector("[data-tour-dismiss]");
    var steps = Array.prototype.slice.call(panel.querySelectorAll("[data-tour-step]"));
    var status = panel.querySelector("[data-tour-status]");
    var current = -1;
    var highlighted = null;

    function target(step) {
        var name = step.getAttribute("data-tour-step");
        return document.querySelector('[data-tour="' + name + '"]') || document.querySelector('[data-block^="' + name + '"]');
    }

    function show(index) {
        if (highlighted) highlighted.classList.remove("tour-highlight");
        current = index;
        if (index >= steps.length) return finish();
        var element = target(steps[index]);
        text.textContent = steps[index].textContent;
        count.textContent = (index + 1) + " / " + steps.length;
        if (element) {
            element.classList.add("tour-highlight");
            element.scrollIntoView({ behavior: "smooth", block: "center" });
            highlighted = element;
        }
        dialog.hidden = false;
        // WCAG 4.1.3: the step is said, not only shown (focus on "Next" reads the button only).
        status.textContent = count.textContent + ": " + text.textContent;
        dialog.querySelector("[data-tour-next]").focus();
    }

    function finish() {
        if (highlighted) highlighted.classList.remove("tour-highlight");
        dialog.hidden = true;
        status.textContent = "";
        // Focus must not fall to the top of the page (the welcome panel with the tour's opener closes):
        // it goes to the start of the main content.
        var main = document.getElementById("main");
        if (main) { main.focus(); }
        // Remember on the server, so the tour is not shown again on any device.
        fetch(dismiss.action, { method: "POST", body: new FormData(dismiss), headers: { Accept: "application/json" }, credentials: "same-origin" })
            .then(function () { panel.hidden = true; });
    }

    start.hidden = false;
    start.addEventListener("click", function () { show(0); });
    dialog.querySelector("[data-tour-next]").addEventListener("click", function () { show(current + 1); });
    dialog.querySelector("[data-tour-end]").addEventListener("click", finish);
    document.addEventListener("keydown", function (event) { if (event.key === "Escape" && !dialog.hidden) finish(); });
})();
