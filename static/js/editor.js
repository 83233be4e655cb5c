/*
 * Document editor: formatting toolbar (inserts markdown), drag and drop of sections, focus after
 * HTMX swaps, and resetting the "add" forms. Loaded with `defer`; the CSP forbids inline scripts.
 * Everything here is an enhancement: without it, editing, the move buttons and saving all work.
 */
(function () {
  "use strict";

  // ---------- Formatting toolbar ----------

  function wrap(textarea, before, after, placeholder) {
    var start = textarea.selectionStart;
    var end = textarea.selectionEnd;
    var value = textarea.value;
    var selected = value.slice(start, end) || placeholder;
    textarea.value = value.slice(0, start) + before + selected + after + value.slice(end);
    textarea.selectionStart = start + before.length;
    textarea.selectionEnd = start + before.length + selected.length;
  }

  function prefixLines(textarea, makePrefix) {
    var value = textarea.value;
    var start = value.lastIndexOf("\n", textarea.selectionStart - 1) + 1;
    var end = textarea.selectionEnd;
    var lines = (value.slice(start, end) || "").split("\n");
    var text = lines.map(function (line, i) { return makePrefix(i) + line; }).join("\n");
    textarea.value = value.slice(0, start) + text + value.slice(end);
    textarea.selectionStart = start;
    textarea.selectionEnd = start + text.length;
  }

  function insertBlock(textarea, block) {
    var pos = textarea.selectionEnd;
    var value = textarea.value;
    var before = pos === 0 || value.slice(0, pos).endsWith("\n\n") ? "" : (value.slice(0, pos).endsWith("\n") ? "\n" : "\n\n");
    textarea.value = value.slice(0, pos) + before + block + "\n" + value.slice(pos);
    textarea.selectionStart = textarea.selectionEnd = pos + before.length + block.length;
  }

  function nextFootnote(value) {
    var n = 1;
    while (value.indexOf("[^" + n + "]") !== -1) {
      n += 1;
    }
    return n;
  }

  var ACTIONS = {
    vet: function (t) { wrap(t, "**", "**", "vette tekst"); },
    cursief: function (t) { wrap(t, "*", "*", "cursieve tekst"); },
    kop: function (t) { prefixLines(t, function () { return "## "; }); },
    opsomming: function (t) { prefixLines(t, function () { return "- "; }); },
    nummering: function (t) { prefixLines(t, function (i) { return (i + 1) + ". "; }); },
    link: function (t) {
      var start = t.selectionStart;
      var text = t.value.slice(start, t.selectionEnd) || "linktekst";
      wrap(t, "[", "](https://)", "linktekst");
      // Select the address so the user can type or paste it straight away.
      t.selectionStart = start + text.length + 3;
      t.selectionEnd = t.selectionStart + 8;
    },
    voetnoot: function (t) {
      var n = nextFootnote(t.value);
      var pos = t.selectionEnd;
      var marker = "[^" + n + "]";
      var note = "\n\n[^" + n + "]: Tekst van de voetnoot.";
      t.value = t.value.slice(0, pos) + marker + t.value.slice(pos) + note;
      // Put the cursor on the footnote text at the end, selected, ready to be typed over.
      t.selectionStart = t.value.length - "Tekst van de voetnoot.".length;
      t.selectionEnd = t.value.length;
    },
    tabel: function (t) {
      insertBlock(t, "| Kolom 1 | Kolom 2 |\n| --- | --- |\n| Waarde | Waarde |");
    },
  };

  function perform(textarea, action) {
    if (!ACTIONS[action]) {
      return;
    }
    ACTIONS[action](textarea);
    textarea.focus();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function setupToolbars(root) {
    root.querySelectorAll("[data-editor-toolbar]").forEach(function (toolbar) {
      toolbar.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-md]");
    if (!button) {
      return;
    }
    var toolbar = button.closest("[data-editor-toolbar]");
    var textarea = toolbar && document.getElementById(toolbar.getAttribute("data-editor-toolbar"));
    if (textarea) {
      event.preventDefault();
      perform(textarea, button.getAttribute("data-md"));
    }
  });

  // Keyboard shortcuts inside a textarea that has a toolbar: Ctrl/Cmd+B, I, K.
  document.addEventListener("keydown", function (event) {
    var textarea = event.target;
    if (!(event.ctrlKey || event.metaKey) || textarea.tagName !== "TEXTAREA") {
      return;
    }
    if (!document.querySelector('[data-editor-toolbar="' + textarea.id + '"]')) {
      return;
    }
    var action = { b: "vet", i: "cursief", k: "link" }[event.key.toLowerCase()];
    if (action) {
      event.preventDefault();
      perform(textarea, action);
    }
  });

  // ---------- Click a section's text to edit it (the "Bewerken" link stays the keyboard route) ----------

  document.addEventListener("click", function (event) {
    var tekst = event.target.closest("li[data-sectie-id] > .app-sectie, li.app-up > .app-tekst");
    if (!tekst || event.target.closest("a, button, summary, input, textarea, select")) {
      return;
    }
    if (window.getSelection && String(window.getSelection()).length > 0) {
      return; // selecting text to copy is not a request to edit
    }
    var bewerk = tekst.parentElement.querySelector('a[href$="/bewerken/"]');
    if (bewerk) {
      bewerk.click();
    }
  });

  // ---------- Drag and drop of sections ----------

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"];
    } catch (e) {
      return "";
    }
  }

  function volgorde(list) {
    return Array.prototype.map.call(
      list.querySelectorAll(":scope > li[data-sectie-id]"),
      function (li) { return li.getAttribute("data-sectie-id"); }
    ).join(",");
  }

  function setupDragAndDrop(root) {
    var list = document.getElementById("secties");
    if (!list || !list.getAttribute("data-volgorde-url") || !window.htmx) {
      return;
    }
    if (!list.hasAttribute("data-dnd")) {
      list.setAttribute("data-dnd", "");
      // The list accepts the drop wherever the pointer is, also over the dragged item itself.
      list.addEventListener("dragover", function (event) {
        if (list.dragged) {
          event.preventDefault();
        }
      });
      list.addEventListener("drop", function (event) {
        event.preventDefault();
      });
    }
    list.querySelectorAll(":scope > li[data-sectie-id]").forEach(function (item) {
      if (!item.querySelector(".app-greep") || item.hasAttribute("data-dnd")) {
        return; // being edited (not draggable), or already set up
      }
      item.setAttribute("data-dnd", "");
      item.setAttribute("draggable", "true");
      item.addEventListener("dragstart", function (event) {
        if (event.target !== item) {
          return;
        }
        list.dragged = item;
        list.beginVolgorde = volgorde(list);
        item.classList.add("is-dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", item.getAttribute("data-sectie-id"));
      });
      item.addEventListener("dragover", function (event) {
        var dragged = list.dragged;
        if (!dragged || dragged === item) {
          return;
        }
        var rect = item.getBoundingClientRect();
        var after = event.clientY > rect.top + rect.height / 2;
        list.insertBefore(dragged, after ? item.nextSibling : item);
      });
      item.addEventListener("dragend", function () {
        item.classList.remove("is-dragging");
        list.dragged = null;
        var nieuw = volgorde(list);
        if (nieuw !== list.beginVolgorde) {
          window.htmx.ajax("POST", list.getAttribute("data-volgorde-url"), {
            target: "#secties",
            swap: "outerHTML",
            values: { volgorde: nieuw },
            headers: { "X-CSRFToken": csrfToken() },
          });
        }
      });
    });
  }

  // ---------- After HTMX swaps: keep focus where the user was, reset "add" forms ----------

  var focusId = null;

  document.addEventListener("htmx:beforeRequest", function () {
    var active = document.activeElement;
    focusId = active && active.id ? active.id : null;
  });

  function eersteVeld(root) {
    var form = root.matches(".app-editor-form") ? root : root.querySelector(".app-editor-form");
    return form && (form.querySelector("textarea") || form.querySelector("input:not([type=hidden])"));
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    setupToolbars(document);
    setupDragAndDrop(document);
    var id = focusId;
    focusId = null;
    var targetId = event.detail.target && event.detail.target.id;
    var root = (targetId && document.getElementById(targetId)) || null;
    if (!root) {
      return;
    }
    // A button that was pressed and re-rendered (move up/down) keeps the focus.
    var zelfde = id && document.getElementById(id);
    if (zelfde && zelfde !== document.activeElement && /^(up-)?(omhoog|omlaag)-/.test(id)) {
      zelfde.focus();
      return;
    }
    if (id && /^(up-)?(omhoog|omlaag)-/.test(id)) {
      var ander = document.getElementById(id.replace(/omhoog|omlaag/, function (m) {
        return m === "omhoog" ? "omlaag" : "omhoog";
      }));
      if (ander) {
        ander.focus();
        return;
      }
    }
    // A freshly opened edit form: the cursor goes into the text.
    var veld = eersteVeld(root);
    if (veld) {
      veld.focus();
      return;
    }
    // After saving or cancelling: back to the item's first control, so focus is not lost.
    if (root.matches("li[data-sectie-id], li.app-up, #kop") && root.contains(document.activeElement) === false) {
      var control = root.querySelector("a[href], button");
      if (control) {
        control.focus();
      }
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (event.detail.successful && form && form.matches && form.matches("form[data-reset-na-opslaan]")) {
      var retargeted = event.detail.xhr && event.detail.xhr.getResponseHeader("HX-Retarget");
      if (!retargeted) {
        form.reset();
      }
    }
  });

  function init() {
    setupToolbars(document);
    setupDragAndDrop(document);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
