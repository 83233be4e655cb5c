/*
 * Document editor: drag and drop of sections, focus after HTMX swaps, and resetting the "add"
 * forms. The formatting of long texts is the opmaakeditor (static/vendor/opmaakeditor/). Loaded with `defer`; the CSP forbids inline scripts.
 * Everything here is an enhancement: without it, editing, the move buttons and saving all work.
 */
(function () {
  "use strict";

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
    if (!form) {
      return null;
    }
    if (window.opmaakeditor) {
      window.opmaakeditor.init(form);
    }
    return (
      form.querySelector(".app-opmaak__tekst") ||
      form.querySelector("textarea:not([hidden])") ||
      form.querySelector("input:not([type=hidden])")
    );
  }

  document.addEventListener("htmx:afterSettle", function (event) {
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
    setupDragAndDrop(document);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
