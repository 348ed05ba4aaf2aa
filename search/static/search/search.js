// Suggestions under the header search box: the WAI-ARIA combobox pattern (input + listbox).
// Progressive enhancement only: without this file the box submits to the results page.
(function () {
    "use strict";
    var form = document.querySelector("form.site-search[data-suggest-url]");
    if (!form || !window.fetch) { return; }
    var input = form.querySelector("input[name=q]");
    var popup = form.querySelector(".site-search__suggestions");
    var listbox = popup.querySelector("[role=listbox]");
    var status = form.querySelector("[data-suggest-status]");
    var options = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = null;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    function close() {
        popup.hidden = true;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        active = -1;
    }

    function open() {
        if (!options.length) { return; }
        popup.hidden = false;
        input.setAttribute("aria-expanded", "true");
    }

    function setActive(index) {
        options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
        active = index;
        if (index < 0) { input.removeAttribute("aria-activedescendant"); return; }
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
    }

    function go(option) { window.location.assign(option.getAttribute("data-href")); }

    function makeOption(result, index) {
        var option = document.createElement("div");
        option.id = "site-search-option-" + index;
        option.className = "suggestion";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-href", result.url);
        if (result.image || result.initials) {
            var avatar = document.createElement("span");
            avatar.className = "avatar avatar--small";
            avatar.setAttribute("aria-hidden", "true");
            if (result.image) {
                var img = document.createElement("img");
                img.src = result.image;
                img.alt = "";
                avatar.appendChild(img);
            } else {
                avatar.textContent = result.initials;
            }
            option.appendChild(avatar);
        }
        var text = document.createElement("span");
        text.className = "suggestion__text";
        var title = document.createElement("span");
        title.className = "suggestion__title";
        title.textContent = result.title;
        text.appendChild(title);
        if (result.subtitle) {
            var subtitle = document.createElement("span");
            subtitle.className = "suggestion__subtitle";
            subtitle.textContent = result.subtitle;
            text.appendChild(subtitle);
        }
        option.appendChild(text);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { go(option); });
        return option;
    }

    function render(data) {
        listbox.textContent = "";
        options = [];
        data.groups.forEach(function (group) {
            var wrapper = document.createElement("div");
            wrapper.setAttribute("role", "group");
            var label = document.createElement("div");
            label.className = "suggestion-group__label";
            label.id = "site-search-group-" + group.kind;
            label.setAttribute("role", "presentation");
            label.textContent = group.label;
            wrapper.setAttribute("aria-labelledby", label.id);
            wrapper.appendChild(label);
            group.results.forEach(function (result) {
                var option = makeOption(result, options.length);
                options.push(option);
                wrapper.appendChild(option);
            });
            listbox.appendChild(wrapper);
        });
        var found = options.length;
        if (data.all) {
            var all = makeOption({ title: form.getAttribute("data-all-label") + ": \u201c" + data.query + "\u201d", url: data.all.url }, options.length);
            all.classList.add("suggestion--all");
            options.push(all);
            listbox.appendChild(all);
        }
        status.textContent = found
            ? form.getAttribute(found === 1 ? "data-count-one" : "data-count-label").replace("%(count)s", found)
            : form.getAttribute("data-none-label");
        active = -1;
        if (document.activeElement === input) { open(); }
    }

    function fetchSuggestions() {
        var query = input.value.trim();
        if (query.length < 2) { options = []; listbox.textContent = ""; close(); lastQuery = null; return; }
        if (query === lastQuery) { open(); return; }
        lastQuery = query;
        if (controller) { controller.abort(); }
        controller = new AbortController();
        var url = form.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(query);
        fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin", signal: controller.signal })
            .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
            .then(render)
            .catch(function () { /* a stale or failed request: the form still works */ });
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(fetchSuggestions, 120);
    });
    input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown") {
            event.preventDefault();
            if (popup.hidden) { open(); }
            if (options.length) { setActive(active + 1 >= options.length ? 0 : active + 1); }
        } else if (event.key === "ArrowUp") {
            event.preventDefault();
            if (popup.hidden) { open(); }
            if (options.length) { setActive(active <= 0 ? options.length - 1 : active - 1); }
        } else if (event.key === "Enter") {
            if (!popup.hidden && active >= 0) { event.preventDefault(); go(options[active]); }
        } else if (event.key === "Escape") {
            if (!popup.hidden) { event.preventDefault(); close(); } else { input.value = ""; }
        }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
    input.addEventListener("focus", function () { if (input.value.trim().length >= 2 && options.length) { open(); } });
})();
