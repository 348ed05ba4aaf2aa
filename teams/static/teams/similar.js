// Teams: while a new team is being named, show existing teams with a similar name (from /teams-acties/beheer/vergelijkbaar/).
// Progressive enhancement: without this file the create form shows the same suggestions after a first submit.
(function () {
    "use strict";
    var form = document.querySelector("form[data-similar-url]");
    if (!form || !window.fetch) { return; }
    var input = form.querySelector("input[name='title']");
    var box = document.getElementById("similar-teams");
    if (!input || !box) { return; }
    var url = form.getAttribute("data-similar-url");
    var timer = null;
    var asked = "";
    var controller = null;

    function show(html) {
        // The fragment is rendered (and escaped) by the server's template; it holds links only.
        box.innerHTML = html;
    }

    function ask() {
        var title = input.value.trim();
        if (title === asked) { return; }
        asked = title;
        if (title.length < 3) { show(""); return; }
        if (controller) { controller.abort(); }
        controller = window.AbortController ? new AbortController() : null;
        fetch(url + "?title=" + encodeURIComponent(title), {
            credentials: "same-origin",
            headers: { "Accept": "text/html", "X-Requested-With": "fetch" },
            signal: controller ? controller.signal : undefined
        }).then(function (response) {
            return response.ok ? response.text() : "";
        }).then(function (html) {
            if (input.value.trim() === title) { show(html.trim()); }
        }).catch(function () { /* offline or aborted: the form still works without suggestions */ });
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(ask, 300);
    });
})();
