// Pasting from Word or a web page: keep headings, lists, bold/italic, links, tables and
// footnotes; drop styles, fonts, colours, classes (mso-), spans and images. The schema would
// drop most of it too, but Word writes lists as styled paragraphs and footnotes as anchors to
// the end of the clipboard, so those are rebuilt here first.

const BEHOUDEN = { a: ["href"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"], span: ["data-voetnoot"] };
const WEG = "img, picture, svg, video, audio, object, embed, iframe, style, script, meta, link, title, xml, head, canvas, form, input, button, select, textarea";

function uitpakken(el) {
  el.replaceWith(...el.childNodes);
}

function stijl(el) {
  return (el.getAttribute && (el.getAttribute("style") || "")).toLowerCase();
}

// Google Docs: <b style="font-weight:normal" id="docs-internal-guid-…"> wraps everything;
// bold and italic are spans with a font-weight / font-style.
function nadrukUitStijl(doc) {
  doc.querySelectorAll("b, strong").forEach((b) => {
    if (/font-weight:\s*(normal|400)/.test(stijl(b))) uitpakken(b);
  });
  doc.querySelectorAll("span").forEach((s) => {
    const st = stijl(s);
    let binnen = s;
    if (/font-weight:\s*(bold|[6-9]00)/.test(st)) {
      const b = doc.createElement("strong");
      b.append(...s.childNodes);
      s.append(b);
      binnen = b;
    }
    if (/font-style:\s*italic/.test(st)) {
      const i = doc.createElement("em");
      i.append(...binnen.childNodes);
      binnen.append(i);
    }
  });
}

function isVoetnotenlijst(el) {
  return el.matches(
    '[style*="mso-element:footnote-list"], [style*="mso-element: footnote-list"], section.footnotes, .footnotes, [role="doc-endnotes"], ol.references',
  );
}

// A footnote reference: an anchor to "#…" whose target lies in a list of notes (Word:
// <a href="#_ftn1"> → <div style="mso-element:footnote" id="ftn1">; markdown-it and most web
// pages: <sup><a href="#fn1"></a></sup> → <section class="footnotes"><li id="fn1">).
function voetnoten(doc) {
  const lijsten = new Set();
  doc.querySelectorAll('a[href^="#"]').forEach((a) => {
    const id = decodeURIComponent(a.getAttribute("href").slice(1));
    if (!id) return;
    let doel = doc.getElementById(id) || doc.querySelector(`a[name="${CSS.escape(id)}"]`);
    if (!doel) return;
    let lijst = doel.closest("*");
    while (lijst && !isVoetnotenlijst(lijst)) lijst = lijst.parentElement;
    const woordnoot = doel.closest('[style*="mso-element:footnote"], [style*="mso-element: footnote"]');
    if (!lijst && !woordnoot) return;
    if (a.closest('[style*="mso-element:footnote"], .footnotes, [role="doc-endnotes"]')) return; // a backlink
    const noot = (woordnoot && !isVoetnotenlijst(woordnoot) ? woordnoot : null) || doel.closest("li") || doel.closest("p") || doel;
    const kopie = noot.cloneNode(true);
    kopie.querySelectorAll('a[href^="#"]').forEach((terug) => terug.remove());
    kopie.querySelectorAll("sup").forEach((s) => {
      if (!s.textContent.trim()) s.remove();
    });
    const span = doc.createElement("span");
    span.setAttribute("data-voetnoot", "");
    span.textContent = kopie.textContent.replace(/\s+/g, " ").replace(/^\s*\[?\d+\]?\s*/, "").trim();
    const plek = a.parentElement && a.parentElement.tagName === "SUP" && a.parentElement.childNodes.length === 1 ? a.parentElement : a;
    plek.replaceWith(span);
    lijsten.add(lijst || woordnoot);
  });
  lijsten.forEach((l) => {
    if (l && l.isConnected) l.remove();
  });
  doc.querySelectorAll("hr.footnotes-sep").forEach((hr) => hr.remove());
}

// Word: <p class="MsoListParagraphCxSpFirst" style="mso-list:l0 level1 lfo1"><span
// style="mso-list:Ignore">1.<span>  </span></span>Tekst</p> → <ol><li>Tekst</li></ol>.
function woordlijsten(doc) {
  const alinea = (p) => p.nodeType === 1 && /mso-list:\s*l\d+\s+level(\d+)/.exec(stijl(p));
  doc.querySelectorAll("p").forEach((p) => {
    if (!p.isConnected || !alinea(p) || alinea(p.previousElementSibling || doc.body)) return;
    // p is the first of a run of list paragraphs.
    const reeks = [];
    for (let el = p; el && alinea(el); el = el.nextElementSibling) reeks.push(el);
    const lijstVan = (el) => {
      const teken = el.querySelector('[style*="mso-list:ignore"], [style*="mso-list: ignore"], [style*="mso-list:Ignore"]');
      const tekst = teken ? teken.textContent.trim() : "";
      if (teken) teken.remove();
      return /^(\d+|[a-z]|[ivxlc]+)[.)]$/i.test(tekst) ? "ol" : "ul";
    };
    const begin = doc.createElement("div");
    p.before(begin);
    const lijsten = [];
    for (const el of reeks) {
      const niveau = +alinea(el)[1];
      const soort = lijstVan(el);
      const li = doc.createElement("li");
      li.append(...el.childNodes);
      el.remove();
      while (lijsten.length > niveau) lijsten.pop();
      while (lijsten.length < niveau) {
        const lijst = doc.createElement(soort);
        if (lijsten.length) {
          const ouder = lijsten[lijsten.length - 1];
          (ouder.lastElementChild || ouder.appendChild(doc.createElement("li"))).append(lijst);
        } else {
          begin.append(lijst);
        }
        lijsten.push(lijst);
      }
      lijsten[lijsten.length - 1].append(li);
    }
    uitpakken(begin);
  });
}

function opschonen(el) {
  for (const kind of Array.from(el.childNodes)) {
    if (kind.nodeType === 8) {
      kind.remove(); // comments, Word's <!--[if !supportLists]-->
      continue;
    }
    if (kind.nodeType !== 1) continue;
    opschonen(kind);
    const tag = kind.tagName.toLowerCase();
    if (tag.includes(":")) {
      // <o:p>, <v:shape>, <w:…>: Office's own elements
      kind.remove();
      continue;
    }
    const mag = BEHOUDEN[tag] || [];
    for (const attr of Array.from(kind.attributes)) {
      if (!mag.includes(attr.name)) kind.removeAttribute(attr.name);
    }
    if ((tag === "span" && !kind.hasAttribute("data-voetnoot")) || tag === "font") uitpakken(kind);
    else if (tag === "a" && !kind.hasAttribute("href")) uitpakken(kind);
  }
}

// Cells hold text: paragraphs inside a pasted cell become the cell's text.
function cellen(doc) {
  doc.querySelectorAll("td, th").forEach((cel) => {
    cel.querySelectorAll("p, div, h1, h2, h3, h4, h5, h6, li").forEach((blok, i) => {
      if (i) blok.before(doc.createTextNode(" "));
      uitpakken(blok);
    });
    cel.querySelectorAll("ul, ol, table").forEach(uitpakken);
  });
}

export function plakHtmlOpschonen(html) {
  if (/data-pm-slice/.test(html)) return html; // copied inside an editor: already clean
  const doc = new DOMParser().parseFromString(html, "text/html");
  doc.querySelectorAll(WEG).forEach((el) => el.remove());
  nadrukUitStijl(doc);
  voetnoten(doc);
  woordlijsten(doc);
  cellen(doc);
  opschonen(doc.body);
  return doc.body.innerHTML;
}
