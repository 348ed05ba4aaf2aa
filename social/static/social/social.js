/* People pickers, both the ARIA combobox pattern (WCAG 4.1.2, 4.1.3, 2.1.1):
   - the @mention picker in comment fields: typing "@" and two letters offers colleagues; choosing one
     inserts their profile name;
   - the name picker of team invitations (input[data-people-picker]): choosing puts the profile name
     in the field.
   Arrow keys move through the suggestions, Enter or Tab chooses, Escape closes; a live region says how
   many colleagues were found. Without JavaScript both forms work the same (a profile name, an e-mail
   address or a full name is typed). */
(function () {
    "use strict";
    var english = document.documentElement.lang === "en";
    var counter = 0;

    function announce(region, count) {
        region.textContent = count === 0
            ? (english ? "No colleagues found." : "Geen collega's gevonden.")
            : count === 1
                ? (english ? "1 colleague found, use the arrow keys to choose." : "1 collega gevonden, kies met de pijltjestoetsen.")
                : (english ? count + " colleagues found, use the arrow keys to choose." : count + " collega's gevonden, kies met de pijltjestoetsen.");
    }

    function setup(field, mode) {
        if (field.hasAttribute("data-picker-ready")) { return; }
        field.setAttribute("data-picker-ready", "");
        var url = field.getAttribute(mode === "mention" ? "data-mentions" : "data-people-picker");
        var id = "people-picker-" + (++counter);
        var list = document.createElement("ul");
        list.className = "mention-picker";
        list.id = id;
        list.hidden = true;
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", english ? "Colleagues" : "Collega's");
        var status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        field.insertAdjacentElement("afterend", status);
        field.insertAdjacentElement("afterend", list);
        field.setAttribute("role", "combobox");
        field.setAttribute("aria-autocomplete", "list");
        field.setAttribute("aria-controls", id);
        field.setAttribute("aria-expanded", "false");
        if (mode !== "mention") { field.setAttribute("autocomplete", "off"); }
        var timer = null, people = [], active = -1, typed = "";

        function close() {
            list.hidden = true;
            field.setAttribute("aria-expanded", "false");
            field.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function choose(index) {
            var person = people[index];
            if (!person) { return; }
            if (mode === "mention") {
                var position = field.selectionStart;
                var start = position - typed.length;
                field.value = field.value.slice(0, start) + person.slug + " " + field.value.slice(position);
                var caret = start + person.slug.length + 1;
                field.focus();
                field.setSelectionRange(caret, caret);
            } else {
                field.value = person.slug;
                field.focus();
            }
            status.textContent = (english ? "Chosen: " : "Gekozen: ") + person.name;
            close();
        }

        function highlight(index) {
            var options = list.querySelectorAll("[role=option]");
            if (!options.length) { return; }
            active = (index + options.length) % options.length;
            options.forEach(function (option, position) {
                option.setAttribute("aria-selected", position === active ? "true" : "false");
            });
            field.setAttribute("aria-activedescendant", options[active].id);
            options[active].scrollIntoView({ block: "nearest" });
        }

        function render(found) {
            people = found;
            list.textContent = "";
            people.forEach(function (person, index) {
                var item = document.createElement("li");
                item.id = id + "-" + index;
                item.setAttribute("role", "option");
                item.setAttribute("aria-selected", "false");
                item.textContent = person.name + (person.function ? " (" + person.function + ")" : "");
                // mousedown, not click: the field keeps focus, so the picker never loses its place.
                item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(index); });
                list.appendChild(item);
            });
            announce(status, people.length);
            if (people.length) {
                list.hidden = false;
                field.setAttribute("aria-expanded", "true");
                active = -1;
            } else {
                close();
            }
        }

        field.addEventListener("input", function () {
            window.clearTimeout(timer);
            var query;
            if (mode === "mention") {
                var match = /(^|\s)@([^\s@]{2,30})$/.exec(field.value.slice(0, field.selectionStart));
                query = match ? match[2] : null;
            } else {
                query = field.value.trim();
                if (query.length < 2 || query.indexOf("@") !== -1) { query = null; }
            }
            if (!query) { close(); return; }
            timer = window.setTimeout(function () {
                fetch(url + "?q=" + encodeURIComponent(query), {
                    headers: { Accept: "application/json" },
                    credentials: "same-origin"
                })
                    .then(function (response) { return response.ok ? response.json() : { people: [] }; })
                    .then(function (data) { typed = query; render(data.people || []); })
                    .catch(close);
            }, 200);
        });
        field.addEventListener("keydown", function (event) {
            if (list.hidden) { return; }
            if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
            else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
            else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) { event.preventDefault(); choose(active); }
            else if (event.key === "Escape") { event.preventDefault(); close(); }
        });
        field.addEventListener("blur", function () { window.setTimeout(close, 150); });
    }

    window.pleinMentions = function (field) { setup(field, "mention"); };
    document.querySelectorAll("textarea[data-mentions]").forEach(function (field) { setup(field, "mention"); });
    document.querySelectorAll("input[data-people-picker]").forEach(function (field) { setup(field, "picker"); });
})();

/* "Meer reacties": without JavaScript the link opens the next page of older threads. With it, that
   page is fetched alone and appended, and focus moves to its first comment so keyboard and screen
   reader users continue where the new comments start. Reply boxes in it get the @mention picker. */
(function () {
    "use strict";

    function load(link) {
        var page = link.closest(".comment-page");
        link.setAttribute("aria-busy", "true");
        fetch(link.getAttribute("data-comment-more"), { credentials: "same-origin", headers: { Accept: "text/html" } })
            .then(function (response) {
                if (!response.ok) { throw new Error(response.status); }
                return response.text();
            })
            .then(function (html) {
                var holder = document.createElement("template");
                holder.innerHTML = html;
                var next = holder.content.querySelector(".comment-page");
                if (!next) { throw new Error("no page"); }
                page.parentNode.insertBefore(next, page.nextSibling);
                link.parentNode.remove();
                next.querySelectorAll("textarea[data-mentions]").forEach(window.pleinMentions || function () {});
                next.querySelectorAll("a[data-comment-more]").forEach(enhance);
                var first = next.querySelector(".comment__body");
                if (first) {
                    first.setAttribute("tabindex", "-1");
                    first.focus();
                }
            })
            .catch(function () {
                window.location.href = link.href;  // the plain link still works
            });
    }

    function enhance(link) {
        link.addEventListener("click", function (event) {
            event.preventDefault();
            load(link);
        });
    }

    document.querySelectorAll("a[data-comment-more]").forEach(enhance);

    // An old link "…#c123" (made before long discussions were paged) to a comment on another page.
    var wanted = /^#c(\d+)$/.exec(window.location.hash);
    if (wanted && !document.getElementById("c" + wanted[1]) && document.getElementById("reacties")
            && !/[?&]reactie=/.test(window.location.search)) {
        window.location.replace(window.location.pathname + "?reactie=" + wanted[1] + window.location.hash);
    }
})();
