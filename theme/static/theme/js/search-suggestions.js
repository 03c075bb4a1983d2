/*
 * Suggestions for the search fields (the header's and /sok/'s), as a WAI-ARIA 1.2 combobox
 * with a list box: type two letters or more, move with the arrow keys, Enter takes a
 * suggestion, Escape closes the list. Progressive enhancement: without this file the fields
 * are ordinary search fields. Suggestions come from /sok/forslag/ (search/views.py).
 */
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY = 200;

  function setUp(input, index) {
    var url = input.getAttribute("data-suggest-url");
    if (!url || !window.fetch) {
      return;
    }
    var wrapper = input.parentNode;
    wrapper.classList.add("suggest");
    var listId = "suggestions-" + index;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggest__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "");
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    // aria-live rather than role=status: the page's own status message (the result count)
    // stays the only element with that role.
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    wrapper.appendChild(list);
    wrapper.appendChild(status);

    // A combobox is a text field (HTML-ARIA allows the role on type=text, not type=search);
    // without this script the field stays type=search.
    input.setAttribute("type", "text");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var timer = null;
    var active = -1;
    var latest = "";

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(position) {
      var all = options();
      if (!all.length) {
        return;
      }
      active = (position + all.length) % all.length;
      for (var i = 0; i < all.length; i++) {
        all[i].setAttribute("aria-selected", i === active ? "true" : "false");
      }
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    function choose(option) {
      input.value = option.textContent;
      close();
      if (input.form) {
        input.form.submit();
      }
    }

    function show(query, suggestions) {
      list.innerHTML = "";
      active = -1;
      suggestions.forEach(function (suggestion, i) {
        var item = document.createElement("li");
        item.id = listId + "-" + i;
        item.className = "suggest__option";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = suggestion.title;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the field
          choose(item);
        });
        list.appendChild(item);
      });
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      var template = suggestions.length === 1
        ? input.getAttribute("data-suggest-one")
        : input.getAttribute("data-suggest-many");
      status.textContent = suggestions.length && template
        ? template.replace("{n}", suggestions.length)
        : "";
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        close();
        status.textContent = "";
        return;
      }
      latest = query;
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (query === latest && document.activeElement === input) {
            show(query, data.suggestions || []);
          }
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open && options().length) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        highlight(active + 1);
      } else if (event.key === "ArrowUp") {
        if (open) {
          event.preventDefault();
          highlight(active - 1);
        }
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          choose(options()[active]);
        }
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        }
      }
    });
    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });
  }

  function init() {
    var inputs = document.querySelectorAll("input[data-suggest-url]");
    for (var i = 0; i < inputs.length; i++) {
      setUp(inputs[i], i);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
