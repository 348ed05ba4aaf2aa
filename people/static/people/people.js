// People directory: search as you type. Without this file the form simply submits (GET).
(function () {
    "use strict";
    var form = document.querySelector("[data-people-search]");
    var target = document.querySelector("[data-people-results]");
    if (!form || !target || !window.fetch) { return; }
    var timer = null;
    var latest = 0;

    function refresh() {
        var params = new URLSearchParams(new FormData(form));
        var query = params.toString();
        var request = ++latest;
        params.set("partial", "1");
        fetch(form.action + "?" + params.toString(), { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
            .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
            .then(function (html) {
                if (request !== latest) { return; } // an older answer arrived after a newer one
                target.innerHTML = html;
                // The status region says the new count; the list itself is not a live region.
                var count = target.querySelector("#people-count");
                var status = document.querySelector("[data-people-status]");
                if (count && status) { status.textContent = count.textContent; }
                window.history.replaceState(null, "", form.action + (query ? "?" + query : ""));
            })
            .catch(function () { /* the submit button still works */ });
    }

    form.addEventListener("input", function (event) {
        if (event.target.name !== "q") { return; }
        window.clearTimeout(timer);
        timer = window.setTimeout(refresh, 250);
    });
    form.addEventListener("change", function (event) {
        if (event.target.tagName === "SELECT") { refresh(); }
    });
})();
