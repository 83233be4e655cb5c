/*
 * Inkoopbeleid sociaal domein: small progressive enhancements.
 * Loaded with `defer`; no inline scripts anywhere (the CSP forbids them).
 * Everything works without this file: the nav then simply wraps on small screens.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.add("js");

  function setupNavToggle() {
    var toggle = document.querySelector(".app-nav-toggle");
    var nav = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (!toggle || !nav) {
      return;
    }
    var small = window.matchMedia ? window.matchMedia("(max-width: 48em)") : null;

    function setOpen(open) {
      nav.setAttribute("data-open", open ? "true" : "false");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }

    toggle.hidden = false;
    setOpen(false);

    toggle.addEventListener("click", function () {
      setOpen(nav.getAttribute("data-open") !== "true");
    });

    // Escape closes the open menu and returns focus to the toggle.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && nav.getAttribute("data-open") === "true" && small && small.matches) {
        setOpen(false);
        toggle.focus();
      }
    });

    // Going back to a wide screen: CSS shows the nav anyway; reset the state.
    if (small && small.addEventListener) {
      small.addEventListener("change", function () {
        setOpen(false);
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupNavToggle);
  } else {
    setupNavToggle();
  }
})();

/*
 * Error summary (templates/includes/foutoverzicht.html): focus moves to it when a failed form
 * comes back, by page load or by an HTMX swap; its links focus the field and show its label.
 */
(function () {
  "use strict";

  // Each summary takes focus once: the one that just arrived, not one already read.
  function focusSummary() {
    var summary = document.querySelector("[data-foutoverzicht]:not([data-foutoverzicht='gezien'])");
    if (summary) {
      summary.setAttribute("data-foutoverzicht", "gezien");
      summary.focus();
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-foutoverzicht] a[href^='#']");
    if (!link) {
      return;
    }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) {
      return;
    }
    event.preventDefault();
    // A group of radio buttons or checkboxes: its first option takes focus.
    if (!field.matches("input, select, textarea, button")) {
      field = field.querySelector("input, select, textarea") || field;
    }
    var holder = field.closest(".utrecht-form-field, .utrecht-form-fieldset") || field;
    holder.scrollIntoView();
    field.focus({ preventScroll: true });
  });

  document.addEventListener("htmx:afterSettle", focusSummary);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusSummary);
  } else {
    focusSummary();
  }
})();

/*
 * Destructive actions ask first: a form with data-bevestig="question" submits only after "OK".
 * HTMX forms use hx-confirm, which asks the same way.
 */
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var vraag = form.getAttribute && form.getAttribute("data-bevestig");
    if (vraag && !window.confirm(vraag)) {
      event.preventDefault();
    }
  });
})();
