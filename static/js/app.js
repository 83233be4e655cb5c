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
