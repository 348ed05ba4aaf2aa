/* @mention picker: typing "@" and two letters of a colleague's name offers matching colleagues;
   choosing one inserts their profile name. Without JavaScript the comment form works the same. */
(function () {
    "use strict";

    function setup(textarea) {
        var url = textarea.getAttribute("data-mentions");
        var list = document.createElement("ul");
        list.className = "mention-picker";
        list.hidden = true;
        list.setAttribute("aria-label", document.documentElement.lang === "en" ? "Colleagues" : "Collega's");
        textarea.insertAdjacentElement("afterend", list);
        var timer = null;

        function insert(slug, typed) {
            var position = textarea.selectionStart;
            var start = position - typed.length;
            textarea.value = textarea.value.slice(0, start) + slug + " " + textarea.value.slice(position);
            textarea.focus();
            var caret = start + slug.length + 1;
            textarea.setSelectionRange(caret, caret);
            list.hidden = true;
        }

        function render(people, typed) {
            list.textContent = "";
            people.forEach(function (person) {
                var item = document.createElement("li");
                var button = document.createElement("button");
                button.type = "button";
                button.className = "link-button";
                button.textContent = person.name + (person.function ? " (" + person.function + ")" : "");
                button.addEventListener("click", function () { insert(person.slug, typed); });
                item.appendChild(button);
                list.appendChild(item);
            });
            list.hidden = people.length === 0;
        }

        textarea.addEventListener("input", function () {
            window.clearTimeout(timer);
            var before = textarea.value.slice(0, textarea.selectionStart);
            var match = /(^|\s)@([^\s@]{2,30})$/.exec(before);
            if (!match) {
                list.hidden = true;
                return;
            }
            timer = window.setTimeout(function () {
                fetch(url + "?q=" + encodeURIComponent(match[2]), {
                    headers: { Accept: "application/json" },
                    credentials: "same-origin"
                })
                    .then(function (response) { return response.ok ? response.json() : { people: [] }; })
                    .then(function (data) { render(data.people || [], match[2]); })
                    .catch(function () { list.hidden = true; });
            }, 200);
        });
        textarea.addEventListener("keydown", function (event) {
            if (event.key === "Escape") { list.hidden = true; }
        });
    }

    window.pleinMentions = setup;
    document.querySelectorAll("textarea[data-mentions]").forEach(setup);
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
