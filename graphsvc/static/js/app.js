// Small enhancements every page shares; each page works without them.
// - an error message at the top takes the focus, so keyboard and screen-reader users land on it;
// - long checkbox lists get a filter box and a line naming what is chosen;
// - the offer picker: search-as-you-type over offer, organisation and district;
// - buttons of irreversible decisions ask once more.
(function () {
  "use strict";

  function focusFirstError() {
    var target = document.querySelector("[data-focus]");
    if (target) {
      target.focus();
    }
  }

  function normalise(text) {
    return (text || "")
      .toLocaleLowerCase("de")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/ß/g, "ss");
  }

  function filterableChoices(fieldset) {
    var legend = fieldset.querySelector("legend");
    var list = fieldset.querySelector("ul.options");
    if (!list) {
      return;
    }
    var id = fieldset.id + "-filter";
    var wrap = document.createElement("div");
    wrap.className = "choices-filter";
    var label = document.createElement("label");
    label.setAttribute("for", id);
    label.textContent = fieldset.dataset.filterLabel || "Filter";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    wrap.appendChild(label);
    wrap.appendChild(input);
    var chosen = document.createElement("p");
    chosen.className = "chosen";
    chosen.id = fieldset.id + "-chosen";
    chosen.setAttribute("aria-live", "polite");
    fieldset.insertBefore(wrap, list);
    fieldset.insertBefore(chosen, list);
    var boxes = Array.prototype.slice.call(list.querySelectorAll("input[type=checkbox]"));

    function showChosen() {
      var names = boxes
        .filter(function (box) { return box.checked; })
        .map(function (box) { return box.labels[0] ? box.labels[0].textContent : box.value; });
      chosen.textContent = (fieldset.dataset.chosenLabel || "") + " " + (names.length ? names.join(", ") : "–");
    }

    input.addEventListener("input", function () {
      var words = normalise(input.value).split(/\s+/).filter(Boolean);
      boxes.forEach(function (box) {
        var text = normalise(box.labels[0] ? box.labels[0].textContent : box.value);
        var hit = words.every(function (w) { return text.indexOf(w) !== -1; });
        box.closest("li").hidden = !(hit || box.checked);
      });
    });
    // Enter in the filter box must not submit the whole form.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
      }
    });
    list.addEventListener("change", showChosen);
    showChosen();
    if (legend) {
      legend.id = legend.id || fieldset.id + "-legend";
    }
  }

  function offerPicker(wrap) {
    var original = wrap.querySelector("input[name=offer_id]");
    if (!original) {
      return;
    }
    var linked = {};
    try {
      linked = JSON.parse(wrap.dataset.linked || "{}");
    } catch (e) {
      linked = {};
    }
    var source = wrap.dataset.source;
    var id = original.id;
    var listId = id + "-options";
    var statusId = id + "-status";
    var visible = document.createElement("input");
    visible.type = "text";
    visible.id = id;
    visible.autocomplete = "off";
    visible.setAttribute("role", "combobox");
    visible.setAttribute("aria-autocomplete", "list");
    visible.setAttribute("aria-expanded", "false");
    visible.setAttribute("aria-controls", listId);
    var describedBy = original.getAttribute("aria-describedby");
    visible.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + statusId);
    if (original.getAttribute("aria-invalid")) {
      visible.setAttribute("aria-invalid", "true");
    }
    visible.value = wrap.dataset.chosenName || "";
    original.id = id + "-value";
    original.type = "hidden";
    original.removeAttribute("aria-describedby");
    original.removeAttribute("aria-invalid");
    original.removeAttribute("aria-required");
    original.parentNode.insertBefore(visible, original);
    var list = document.createElement("ul");
    list.id = listId;
    list.setAttribute("role", "listbox");
    list.className = "picker-options";
    list.hidden = true;
    var status = document.createElement("p");
    status.id = statusId;
    status.className = "hint";
    status.setAttribute("aria-live", "polite");
    status.textContent = wrap.dataset.hint || "";
    visible.parentNode.insertBefore(list, visible.nextSibling);
    list.parentNode.insertBefore(status, list.nextSibling);

    var items = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function close() {
      list.hidden = true;
      visible.setAttribute("aria-expanded", "false");
      visible.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function mark(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && options[index]) {
        visible.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        visible.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var item = items[index];
      if (!item) {
        return;
      }
      // A search still on its way must not reopen the list or undo the choice.
      clearTimeout(timer);
      asked += 1;
      original.value = item.id;
      visible.value = item.name + " – " + item.actor;
      status.textContent = (wrap.dataset.chosenLabel || "") + " " + visible.value;
      close();
    }

    function render() {
      list.textContent = "";
      items.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var name = document.createElement("span");
        name.className = "name";
        name.textContent = item.name;
        var detail = document.createElement("span");
        detail.className = "detail";
        detail.textContent = item.actor + (item.districts.length ? " · " + item.districts.join(", ") : "");
        option.appendChild(name);
        option.appendChild(detail);
        if (linked[item.id]) {
          var badge = document.createElement("span");
          badge.className = "badge";
          badge.textContent = (wrap.dataset.linkedLabel || "") + " " + linked[item.id];
          option.appendChild(badge);
        }
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(i);
        });
        list.appendChild(option);
      });
      var found = (wrap.dataset.foundLabel || "%n").replace("%n", String(items.length));
      status.textContent = items.length ? found : wrap.dataset.noneLabel || "";
      list.hidden = items.length === 0;
      visible.setAttribute("aria-expanded", items.length ? "true" : "false");
      active = -1;
    }

    function ask() {
      var text = visible.value.trim();
      if (text.length < 2) {
        items = [];
        close();
        status.textContent = wrap.dataset.hint || "";
        return;
      }
      var number = ++asked;
      fetch(source + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (answer) { return answer.ok ? answer.json() : { offers: [] }; })
        .then(function (body) {
          if (number !== asked) {
            return; // an older answer arriving late
          }
          items = body.offers || [];
          render();
        })
        .catch(function () { status.textContent = wrap.dataset.errorLabel || ""; });
    }

    visible.addEventListener("input", function () {
      original.value = ""; // the text changed: the earlier choice no longer holds
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    visible.addEventListener("keydown", function (event) {
      var count = items.length;
      if (event.key === "ArrowDown" && count) {
        event.preventDefault();
        if (list.hidden) {
          list.hidden = false;
          visible.setAttribute("aria-expanded", "true");
        }
        mark((active + 1) % count);
      } else if (event.key === "ArrowUp" && count) {
        event.preventDefault();
        mark(active <= 0 ? count - 1 : active - 1);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape") {
        close();
      }
    });
    visible.addEventListener("blur", function () {
      setTimeout(close, 100);
    });
  }

  function confirmations() {
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.dataset.confirm)) {
          event.preventDefault();
        }
      });
    });
  }

  function start() {
    document.querySelectorAll("fieldset[data-filterable]").forEach(filterableChoices);
    document.querySelectorAll("[data-offer-picker]").forEach(offerPicker);
    confirmations();
    focusFirstError();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
