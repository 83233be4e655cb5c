/*
 * Sessions: small enhancements. Everything works without this file.
 * - A search box that filters the list of principles on the input page.
 * - After an HTMX swap of a minutes item, move focus to the first field with an error, or
 *   to the form that just opened, so keyboard and screen reader users keep their place.
 * - A statement's form shows only the result fields of the chosen kind (without this file
 *   all are shown; the server ignores the others).
 */
(function () {
  "use strict";

  function setupZoekfilter() {
    var blokken = document.querySelectorAll("[data-zoekfilter]");
    Array.prototype.forEach.call(blokken, function (blok) {
      var lijst = document.getElementById(blok.getAttribute("data-zoekfilter"));
      var invoer = blok.querySelector("input[type=search]");
      var status = blok.querySelector("[role=status]");
      if (!lijst || !invoer) {
        return;
      }
      blok.hidden = false;
      invoer.addEventListener("input", function () {
        var term = invoer.value.trim().toLowerCase();
        var zichtbaar = 0;
        Array.prototype.forEach.call(lijst.querySelectorAll(".app-keuze"), function (keuze) {
          var past = !term || keuze.textContent.toLowerCase().indexOf(term) !== -1;
          // Checked principles stay visible, so a search never hides a choice already made.
          var aan = keuze.querySelector("input").checked;
          keuze.hidden = !(past || aan);
          if (!keuze.hidden) {
            zichtbaar += 1;
          }
        });
        Array.prototype.forEach.call(lijst.querySelectorAll(".app-keuzegroep"), function (groep) {
          groep.hidden = !groep.querySelector(".app-keuze:not([hidden])");
        });
        if (status) {
          status.textContent = term ? zichtbaar + " uitgangspunten gevonden" : "";
        }
      });
    });
  }

  var RESULTAATVELDEN = {
    eens_oneens: ["eens", "oneens"],
    schaal: ["schaal_gemiddelde", "schaal_n"],
    woorden: ["woorden"]
  };

  function toonResultaatvelden(form) {
    var gekozen = form.querySelector("input[name=resultaat_soort]:checked");
    Object.keys(RESULTAATVELDEN).forEach(function (soort) {
      RESULTAATVELDEN[soort].forEach(function (naam) {
        var veld = form.querySelector("[name=" + naam + "]");
        var blok = veld && veld.closest(".utrecht-form-field");
        if (blok) {
          blok.hidden = Boolean(gekozen) && gekozen.value !== soort;
        }
      });
    });
  }

  function setupStellingen(binnen) {
    var keuzes = (binnen || document).querySelectorAll("input[name=resultaat_soort]");
    Array.prototype.forEach.call(keuzes, function (keuze) {
      if (keuze.form) {
        toonResultaatvelden(keuze.form);
      }
    });
  }

  document.addEventListener("change", function (event) {
    if (event.target.name === "resultaat_soort" && event.target.form) {
      toonResultaatvelden(event.target.form);
    }
  });
  document.addEventListener("htmx:load", function (event) {
    setupStellingen(event.detail.elt);
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var doel = event.detail.target && document.getElementById(event.detail.target.id);
    if (!doel) {
      return;
    }
    var fout = doel.querySelector("[aria-invalid=true]");
    var veld = fout || doel.querySelector("form:not(details form) input:not([type=hidden]), form:not(details form) textarea, form:not(details form) select");
    if (fout) {
      fout.focus();
    } else if (veld && doel.classList.contains("app-item--bewerken")) {
      veld.focus();
    }
  });

  function setup() {
    setupZoekfilter();
    setupStellingen(document);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
