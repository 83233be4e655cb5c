// De opmaakeditor: a ProseMirror editor over every textarea with data-opmaak. The textarea stays
// the form field (hidden, always holding the markdown), so without JavaScript, on an HTMX submit
// and in the conflict screen the form works as before.
import { EditorState, NodeSelection, Plugin, TextSelection } from "prosemirror-state";
import { StepMap } from "prosemirror-transform";
import { EditorView, Decoration, DecorationSet } from "prosemirror-view";
import { keymap } from "prosemirror-keymap";
import { baseKeymap, toggleMark, setBlockType, chainCommands, exitCode } from "prosemirror-commands";
import { history, undo, redo } from "prosemirror-history";
import { inputRules, wrappingInputRule, textblockTypeInputRule } from "prosemirror-inputrules";
import { wrapInList, splitListItem, liftListItem, sinkListItem } from "prosemirror-schema-list";
import { dropCursor } from "prosemirror-dropcursor";
import { gapCursor } from "prosemirror-gapcursor";
import {
  tableEditing,
  isInTable,
  addRowAfter,
  addColumnAfter,
  deleteRow,
  deleteColumn,
  deleteTable,
  goToNextCell,
} from "prosemirror-tables";
import { schema, vanMarkdown, naarMarkdown, veiligAdres } from "./markdown.js";
import { plakHtmlOpschonen } from "./plakken.js";

const S = schema.nodes;
const M = schema.marks;

// ---------- Commands ----------

function inVoetnoot() {
  return false; // a footnote is an atom: its text is edited in its own editor
}

// Enter on a selected footnote: into its text.
function voetnootOpenen(state, dispatch, view) {
  const sel = state.selection;
  if (!(sel instanceof NodeSelection) || sel.node.type !== S.voetnoot) return false;
  const dom = view && view.nodeDOM(sel.from);
  if (dom && dom.voetnoot) dom.voetnoot.focus();
  return true;
}

// A footnote in the text: its number and text; selected (by arrow key, click or the toolbar),
// a small editor for its text opens in place. Enter or Escape goes back to the text after it.
// (The pattern of ProseMirror's footnote example: the note is an atom with content.)
class VoetnootView {
  constructor(node, view, getPos) {
    this.node = node;
    this.outerView = view;
    this.getPos = getPos;
    this.dom = document.createElement("span");
    this.dom.className = "app-voetnoot";
    this.dom.voetnoot = this;
    this.tekst = document.createElement("span");
    this.tekst.className = "app-voetnoot__tekst";
    this.tekst.textContent = node.textContent;
    this.dom.append(this.tekst);
    this.innerView = null;
  }

  selectNode() {
    this.dom.classList.add("ProseMirror-selectednode");
    if (!this.innerView) this.open();
  }

  deselectNode() {
    this.dom.classList.remove("ProseMirror-selectednode");
    if (this.innerView) this.close();
  }

  focus() {
    if (!this.innerView) this.open();
    this.innerView.focus();
    const { doc } = this.innerView.state;
    this.innerView.dispatch(this.innerView.state.tr.setSelection(TextSelection.create(doc, 0, doc.content.size)));
  }

  open() {
    const vak = document.createElement("span");
    vak.className = "app-voetnoot__bewerk";
    this.dom.append(vak);
    this.tekst.hidden = true;
    const terug = () => {
      const pos = this.getPos() + this.node.nodeSize;
      const { state } = this.outerView;
      this.outerView.dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos)));
      this.outerView.focus();
      return true;
    };
    this.innerView = new EditorView(vak, {
      state: EditorState.create({
        doc: this.node,
        plugins: [
          keymap({
            "Mod-z": () => undo(this.outerView.state, this.outerView.dispatch),
            "Mod-y": () => redo(this.outerView.state, this.outerView.dispatch),
            "Mod-b": toggleMark(M.strong),
            "Mod-i": toggleMark(M.em),
            "Mod-u": toggleMark(M.underline),
            Enter: terug,
            Escape: terug,
            Tab: terug,
          }),
        ],
      }),
      attributes: { role: "textbox", "aria-label": "Tekst van de voetnoot", class: "app-voetnoot__veld" },
      dispatchTransaction: this.dispatchInner.bind(this),
      handleDOMEvents: {
        mousedown: () => {
          if (this.outerView.hasFocus()) this.innerView.focus();
          return false;
        },
      },
    });
  }

  close() {
    this.innerView.destroy();
    this.innerView = null;
    this.dom.querySelectorAll(".app-voetnoot__bewerk").forEach((v) => v.remove());
    this.tekst.hidden = false;
    if (!this.node.content.size) {
      // An emptied footnote goes, as a deleted reference in Word takes its note with it.
      const pos = this.getPos();
      setTimeout(() => {
        const n = this.outerView.state.doc.nodeAt(pos);
        if (n && n.type === S.voetnoot && !n.content.size) {
          this.outerView.dispatch(this.outerView.state.tr.delete(pos, pos + n.nodeSize));
        }
      }, 0);
    }
  }

  dispatchInner(tr) {
    const { state, transactions } = this.innerView.state.applyTransaction(tr);
    this.innerView.updateState(state);
    if (!tr.getMeta("fromOutside")) {
      const outerTr = this.outerView.state.tr;
      const offsetMap = StepMap.offset(this.getPos() + 1);
      for (const t of transactions) for (const step of t.steps) outerTr.step(step.map(offsetMap));
      if (outerTr.docChanged) this.outerView.dispatch(outerTr);
    }
  }

  update(node) {
    if (!node.sameMarkup(this.node)) return false;
    this.node = node;
    this.tekst.textContent = node.textContent;
    if (this.innerView) {
      const { state } = this.innerView;
      const start = node.content.findDiffStart(state.doc.content);
      if (start != null) {
        let { a: endA, b: endB } = node.content.findDiffEnd(state.doc.content);
        const overlap = start - Math.min(endA, endB);
        if (overlap > 0) {
          endA += overlap;
          endB += overlap;
        }
        this.innerView.dispatch(
          state.tr.replace(start, endB, node.slice(start, endA)).setMeta("fromOutside", true),
        );
      }
    }
    return true;
  }

  destroy() {
    if (this.innerView) this.close();
  }

  stopEvent(event) {
    return !!(this.innerView && this.innerView.dom.contains(event.target));
  }

  ignoreMutation() {
    return true;
  }
}

function voetnootInvoegen(state, dispatch) {
  const { $from } = state.selection;
  // Not inside a footnote, and only where inline nodes may go (not in a code block).
  if (inVoetnoot(state) || !$from.parent.canReplaceWith($from.index(), $from.index(), S.voetnoot)) return false;
  if (dispatch) {
    const tekst = "Tekst van de voetnoot";
    const noot = S.voetnoot.create(null, schema.text(tekst));
    const { to } = state.selection;
    const tr = state.tr.insert(to, noot);
    // Selecting the note opens its editor (VoetnootView); `focusNoot` puts the cursor there.
    tr.setSelection(NodeSelection.create(tr.doc, to)).setMeta("focusNoot", true);
    dispatch(tr.scrollIntoView());
  }
  return true;
}

function tabelInvoegen(state, dispatch) {
  if (isInTable(state) || inVoetnoot(state)) return false;
  if (dispatch) {
    const cel = (type, tekst) => type.create(null, tekst ? schema.text(tekst) : null);
    const tabel = S.table.create(null, [
      S.table_row.create(null, [cel(S.table_header, "Kolom 1"), cel(S.table_header, "Kolom 2")]),
      S.table_row.create(null, [cel(S.table_cell), cel(S.table_cell)]),
    ]);
    const tr = state.tr.replaceSelectionWith(tabel);
    // As in Word there is always a paragraph after a table, to type on after it.
    const na = tr.doc.resolve(tr.mapping.map(state.selection.to));
    if (na.nodeAfter === null || na.nodeAfter.type === S.table) {
      tr.insert(na.pos, S.paragraph.create());
    }
    // The cursor goes into the first header cell, its text selected to type over.
    const start = tr.mapping.map(state.selection.from) - tabel.nodeSize;
    let plek = null;
    tr.doc.nodesBetween(Math.max(0, start), tr.doc.content.size, (node, pos) => {
      if (plek === null && node.type === S.table_header) plek = pos;
      return plek === null;
    });
    if (plek !== null) tr.setSelection(TextSelection.create(tr.doc, plek + 1, plek + 1 + "Kolom 1".length));
    dispatch(tr.scrollIntoView());
  }
  return true;
}

// "Rij erbij" and "Kolom erbij" as in Word: the cursor goes into the new row or column.
function rijErbij(state, dispatch) {
  if (!addRowAfter(state)) return false;
  if (dispatch) {
    let tr = null;
    addRowAfter(state, (t) => (tr = t));
    const $pos = tr.doc.resolve(tr.mapping.map(state.selection.from));
    let d = $pos.depth;
    while (d > 0 && $pos.node(d).type !== S.table_row) d--;
    const volgende = $pos.after(d) + 2; // into the first cell of the next row
    dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(volgende))).scrollIntoView());
  }
  return true;
}

function kolomErbij(state, dispatch) {
  if (!addColumnAfter(state)) return false;
  if (dispatch) {
    let tr = null;
    addColumnAfter(state, (t) => (tr = t));
    const $pos = tr.doc.resolve(tr.mapping.map(state.selection.from));
    let d = $pos.depth;
    while (d > 0 && !$pos.node(d).type.spec.tableRole?.includes("cell")) d--;
    const volgende = $pos.after(d) + 1; // into the next cell of this row
    dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(volgende))).scrollIntoView());
  }
  return true;
}

function kopWisselen(niveau) {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if ($from.parent.type === S.heading && $from.parent.attrs.level === niveau) {
      return setBlockType(S.paragraph)(state, dispatch);
    }
    return setBlockType(S.heading, { level: niveau })(state, dispatch);
  };
}

function lijstWisselen(type) {
  return (state, dispatch) => {
    const lijst = huidigeLijst(state);
    if (lijst && lijst.type === type) return liftListItem(S.list_item)(state, dispatch);
    if (lijst && dispatch) {
      // From bulleted to numbered (or back): change the list, keep its items.
      const $from = state.selection.$from;
      for (let d = $from.depth; d > 0; d--) {
        if ($from.node(d) === lijst) {
          dispatch(state.tr.setNodeMarkup($from.before(d), type, type === S.ordered_list ? { order: 1, tight: lijst.attrs.tight } : { tight: lijst.attrs.tight }));
          return true;
        }
      }
    }
    return wrapInList(type)(state, dispatch);
  };
}

function huidigeLijst(state) {
  const $from = state.selection.$from;
  for (let d = $from.depth; d > 0; d--) {
    const n = $from.node(d);
    if (n.type === S.bullet_list || n.type === S.ordered_list) return n;
  }
  return null;
}

function markActief(state, type) {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks || $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

// The stretch of text around the cursor that carries this link.
function linkBereik($pos, link) {
  const begin = $pos.start();
  let bereik = [$pos.pos, $pos.pos];
  let loop = null;
  $pos.parent.forEach((kind, offset) => {
    const a = begin + offset;
    if (link.isInSet(kind.marks)) {
      loop = loop ? [loop[0], a + kind.nodeSize] : [a, a + kind.nodeSize];
      if (loop[0] <= $pos.pos && $pos.pos <= loop[1]) bereik = loop;
    } else {
      loop = null;
    }
  });
  return bereik;
}

function linkAanpassen(view) {
  const { state } = view;
  const { from, to, empty, $from } = state.selection;
  const bestaand = (empty ? $from.marks() : []).concat(
    (() => {
      const gevonden = [];
      state.doc.nodesBetween(from, to, (n) => {
        const m = M.link.isInSet(n.marks);
        if (m) gevonden.push(m);
      });
      return gevonden;
    })(),
  ).find((m) => m.type === M.link);
  const adres = window.prompt(
    "Adres van de link (https://…). Leeg laten om de link weg te halen.",
    bestaand ? bestaand.attrs.href : "https://",
  );
  view.focus();
  if (adres === null) return true;
  const schoon = adres.trim();
  let tr = view.state.tr;
  if (!schoon || schoon === "https://") {
    if (empty && bestaand) {
      const [begin, einde] = linkBereik($from, bestaand);
      tr = tr.removeMark(begin, einde, M.link);
    } else {
      tr = tr.removeMark(from, to, M.link);
    }
    view.dispatch(tr);
    return true;
  }
  if (!veiligAdres(schoon) || schoon.startsWith("#")) {
    window.alert("Dit adres kan niet: gebruik een adres dat begint met https://, http:// of mailto:, of een pagina van deze site (/…).");
    return true;
  }
  const mark = M.link.create({ href: schoon, title: null });
  if (empty) {
    tr = tr.insert(from, schema.text(schoon, [mark]));
  } else {
    tr = tr.removeMark(from, to, M.link).addMark(from, to, mark);
  }
  view.dispatch(tr.scrollIntoView());
  return true;
}

// ---------- The toolbar ----------

const KNOPPEN = [
  { id: "vet", label: "Vet", sneltoets: "Control+B", html: "<strong>Vet</strong>", cmd: toggleMark(M.strong), actief: (s) => markActief(s, M.strong) },
  { id: "cursief", label: "Cursief", sneltoets: "Control+I", html: "<em>Cursief</em>", cmd: toggleMark(M.em), actief: (s) => markActief(s, M.em) },
  { id: "onderstreept", label: "Onderstreept", sneltoets: "Control+U", html: "<u>Onderstreept</u>", cmd: toggleMark(M.underline), actief: (s) => markActief(s, M.underline) },
  { id: "kop", label: "Kop (tussenkop)", html: "Kop", cmd: kopWisselen(2), actief: (s) => s.selection.$from.parent.type === S.heading && s.selection.$from.parent.attrs.level === 2 },
  { id: "subkop", label: "Subkop (kleine tussenkop)", html: "Subkop", cmd: kopWisselen(3), actief: (s) => s.selection.$from.parent.type === S.heading && s.selection.$from.parent.attrs.level === 3 },
  { id: "opsomming", label: "Opsomming", html: "Opsomming", cmd: lijstWisselen(S.bullet_list), actief: (s) => (huidigeLijst(s) || {}).type === S.bullet_list },
  { id: "nummering", label: "Nummering (genummerde lijst)", html: "Nummering", cmd: lijstWisselen(S.ordered_list), actief: (s) => (huidigeLijst(s) || {}).type === S.ordered_list },
  { id: "inspringen", label: "Inspringen (lijst een niveau dieper)", sneltoets: "Control+]", html: "Inspringen", cmd: sinkListItem(S.list_item) },
  { id: "uitspringen", label: "Uitspringen (lijst een niveau hoger)", sneltoets: "Control+[", html: "Uitspringen", cmd: liftListItem(S.list_item) },
  { id: "link", label: "Link", sneltoets: "Control+K", html: "Link", view: linkAanpassen, actief: (s) => markActief(s, M.link) },
  { id: "voetnoot", label: "Voetnoot invoegen", html: "Voetnoot", cmd: voetnootInvoegen },
  { id: "tabel", label: "Tabel invoegen", html: "Tabel", cmd: tabelInvoegen },
  { id: "rij", label: "Rij erbij (onder deze rij)", html: "Rij erbij", cmd: rijErbij, tabel: true },
  { id: "kolom", label: "Kolom erbij (rechts van deze kolom)", html: "Kolom erbij", cmd: kolomErbij, tabel: true },
  { id: "rij-weg", label: "Rij weg (deze rij verwijderen)", html: "Rij weg", cmd: deleteRow, tabel: true },
  { id: "kolom-weg", label: "Kolom weg (deze kolom verwijderen)", html: "Kolom weg", cmd: deleteColumn, tabel: true },
  { id: "tabel-weg", label: "Tabel weg (hele tabel verwijderen)", html: "Tabel weg", cmd: deleteTable, tabel: true },
];

function werkbalk(view, naam, editorId) {
  const balk = document.createElement("div");
  balk.className = "app-opmaak__werkbalk";
  balk.setAttribute("role", "toolbar");
  balk.setAttribute("aria-label", `Opmaak van ${naam}`);
  balk.setAttribute("aria-controls", editorId);
  const knoppen = KNOPPEN.map((k, i) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "app-opmaak__knop" + (k.tabel ? " app-opmaak__knop--tabel" : "");
    b.innerHTML = k.html;
    b.setAttribute("aria-label", k.label);
    b.title = k.label + (k.sneltoets ? ` (${k.sneltoets.replace("Control", "Ctrl")})` : "");
    b.dataset.opmaak = k.id;
    if (k.sneltoets) b.setAttribute("aria-keyshortcuts", k.sneltoets);
    b.tabIndex = i === 0 ? 0 : -1;
    // Keep the editor's selection: a toolbar click must not move the cursor.
    b.addEventListener("mousedown", (e) => e.preventDefault());
    b.addEventListener("click", () => {
      if (b.getAttribute("aria-disabled") === "true") return;
      if (k.view) k.view(view);
      else {
        k.cmd(view.state, view.dispatch, view);
        // A new footnote has put the cursor in its own editor, inside the text.
        if (!view.dom.contains(document.activeElement)) view.focus();
      }
    });
    balk.append(b);
    return b;
  });
  // Roving focus: Tab reaches the toolbar once, the arrow keys move within it.
  balk.addEventListener("keydown", (e) => {
    const nu = knoppen.indexOf(document.activeElement);
    if (nu < 0) return;
    let volgende = null;
    if (e.key === "ArrowRight") volgende = (nu + 1) % knoppen.length;
    else if (e.key === "ArrowLeft") volgende = (nu - 1 + knoppen.length) % knoppen.length;
    else if (e.key === "Home") volgende = 0;
    else if (e.key === "End") volgende = knoppen.length - 1;
    else if (e.key === "Escape") {
      e.preventDefault();
      view.focus();
      return;
    }
    if (volgende === null) return;
    e.preventDefault();
    const stap = e.key === "ArrowLeft" || e.key === "End" ? -1 : 1;
    while (knoppen[volgende].hidden) volgende = (volgende + stap + knoppen.length) % knoppen.length;
    knoppen[nu].tabIndex = -1;
    knoppen[volgende].tabIndex = 0;
    knoppen[volgende].focus();
  });
  const bijwerken = (state) => {
    KNOPPEN.forEach((k, i) => {
      const b = knoppen[i];
      if (k.actief) b.setAttribute("aria-pressed", k.actief(state) ? "true" : "false");
      const kan = k.view ? true : k.cmd(state);
      b.setAttribute("aria-disabled", kan ? "false" : "true");
      if (k.tabel) b.hidden = !isInTable(state);
    });
    // The focusable button must be visible.
    if (knoppen.every((b) => b.tabIndex !== 0 || b.hidden)) {
      knoppen.forEach((b, i) => (b.tabIndex = i === 0 ? 0 : -1));
    }
  };
  // Alt+F10 (as in other editors) jumps from the text to the toolbar, also from a table,
  // where Tab and Shift+Tab move between cells.
  const naarWerkbalk = () => {
    (knoppen.find((b) => b.tabIndex === 0 && !b.hidden) || knoppen[0]).focus();
    return true;
  };
  return { balk, bijwerken, naarWerkbalk };
}

// ---------- Plugins ----------

// The first row of a table is its header row (markdown tables always have one): header cells
// there, ordinary cells below, whatever was pasted or added.
const koprij = new Plugin({
  appendTransaction(trs, oud, state) {
    if (!trs.some((t) => t.docChanged)) return null;
    let tr = null;
    state.doc.descendants((node, pos) => {
      if (node.type !== S.table) return node.type.spec.group !== "inline";
      let rijPos = pos + 1;
      node.forEach((rij, _o, r) => {
        let celPos = rijPos + 1;
        rij.forEach((cel) => {
          const moet = r === 0 ? S.table_header : S.table_cell;
          if (cel.type !== moet) (tr = tr || state.tr).setNodeMarkup(celPos, moet, cel.attrs);
          celPos += cel.nodeSize;
        });
        rijPos += rij.nodeSize;
      });
      return false;
    });
    return tr;
  },
});

// Footnote numbers as the server numbers them: in order of appearance, from data-voetnoot-begin.
function nummering(begin) {
  return new Plugin({
    props: {
      decorations(state) {
        const deco = [];
        let n = begin;
        state.doc.descendants((node, pos) => {
          if (node.type === S.voetnoot) {
            n += 1;
            deco.push(Decoration.node(pos, pos + node.nodeSize, { "data-nummer": String(n), "aria-label": `Voetnoot ${n}` }));
            return false;
          }
          return true;
        });
        return DecorationSet.create(state.doc, deco);
      },
    },
  });
}

function regels() {
  return inputRules({
    rules: [
      textblockTypeInputRule(/^(#{2,3})\s$/, S.heading, (m) => ({ level: m[1].length })),
      wrappingInputRule(/^\s*([-+*])\s$/, S.bullet_list),
      wrappingInputRule(/^(\d+)\.\s$/, S.ordered_list, (m) => ({ order: +m[1] }), (m, node) => node.childCount + node.attrs.order === +m[1]),
    ],
  });
}

// ArrowDown in the last row of a table: to the paragraph after it (made if there is none).
function uitTabel(state, dispatch) {
  if (!isInTable(state)) return false;
  const $from = state.selection.$from;
  let d = $from.depth;
  while (d > 0 && $from.node(d).type !== S.table) d--;
  if (d === 0 || $from.index(d) !== $from.node(d).childCount - 1) return false;
  if (dispatch) {
    const na = $from.after(d);
    const tr = state.tr;
    const volgende = tr.doc.resolve(na).nodeAfter;
    if (!volgende || !volgende.isTextblock) tr.insert(na, S.paragraph.create());
    dispatch(tr.setSelection(TextSelection.create(tr.doc, na + 1)).scrollIntoView());
  }
  return true;
}

function toetsen(werkbalkFocus) {
  const tabelStap = (richting) => (state, dispatch) => isInTable(state) && goToNextCell(richting)(state, dispatch);
  return keymap({
    "Mod-b": toggleMark(M.strong),
    "Mod-i": toggleMark(M.em),
    "Mod-u": toggleMark(M.underline),
    "Mod-k": (state, dispatch, view) => linkAanpassen(view),
    "Alt-F10": () => werkbalkFocus(),
    "Mod-z": undo,
    "Mod-y": redo,
    "Shift-Mod-z": redo,
    "Mod-]": sinkListItem(S.list_item),
    "Mod-[": liftListItem(S.list_item),
    Enter: chainCommands(voetnootOpenen, splitListItem(S.list_item)),
    ArrowDown: uitTabel,
    "Shift-Enter": chainCommands(exitCode, (state, dispatch) => {
      if (inVoetnoot(state) || isInTable(state)) return false;
      if (dispatch) dispatch(state.tr.replaceSelectionWith(S.hard_break.create()).scrollIntoView());
      return true;
    }),
    // In a table Tab goes from cell to cell; past the last cell it leaves the editor as usual.
    Tab: tabelStap(1),
    "Shift-Tab": tabelStap(-1),
  });
}

// ---------- Wiring a textarea ----------

let teller = 0;

function opzetten(textarea) {
  if (textarea.dataset.opmaakKlaar) return;
  textarea.dataset.opmaakKlaar = "1";
  teller += 1;
  const id = `opmaak-${textarea.id || teller}`;
  const label = textarea.id && document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`);
  if (label && !label.id) label.id = `${id}-label`;
  // The label's own words, without "(niet verplicht)".
  const naam = label ? (label.firstChild ? label.firstChild.textContent : label.textContent).trim() : "de tekst";

  const omhulsel = document.createElement("div");
  omhulsel.className = "app-opmaak";
  const uitleg = document.createElement("p");
  uitleg.className = "app-opmaak__uitleg";
  uitleg.id = `${id}-uitleg`;
  uitleg.textContent =
    "Opmaakeditor. Alt+F10 of Shift+Tab: naar de knoppen (pijltjestoetsen kiezen, Escape terug). Ctrl+B vet, Ctrl+I cursief, Ctrl+K link, Ctrl+] en Ctrl+[ in- en uitspringen in een lijst. Een voetnoot: met de pijltjes selecteren en Enter om haar tekst te bewerken; Enter of Escape brengt u terug in de tekst. In een tabel springt Tab naar de volgende cel.";
  const origineel = textarea.value;
  let begin = vanMarkdown(origineel);
  const beginDoc = begin;

  const state = EditorState.create({
    schema,
    doc: begin,
    plugins: [
      regels(),
      toetsen(() => balk && balk.naarWerkbalk()),
      keymap(baseKeymap),
      history(),
      dropCursor(),
      gapCursor(),
      tableEditing(),
      koprij,
      nummering(parseInt(textarea.dataset.voetnootBegin || "0", 10) || 0),
    ],
  });

  let balk = null;
  let basisDoc = beginDoc;
  let basisTekst = origineel;
  const view = new EditorView(null, {
    state,
    attributes: () => {
      const a = {
        class: "app-opmaak__tekst",
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-describedby": [uitleg.id, textarea.getAttribute("aria-describedby")].filter(Boolean).join(" "),
        spellcheck: "true",
        lang: "nl",
      };
      if (label) a["aria-labelledby"] = label.id;
      else a["aria-label"] = naam;
      if (textarea.getAttribute("aria-invalid")) a["aria-invalid"] = textarea.getAttribute("aria-invalid");
      return a;
    },
    transformPastedHTML: plakHtmlOpschonen,
    nodeViews: { voetnoot: (node, v, getPos) => new VoetnootView(node, v, getPos) },
    dispatchTransaction(tr) {
      const nieuw = view.state.apply(tr);
      view.updateState(nieuw);
      if (tr.getMeta("focusNoot")) {
        const dom = view.nodeDOM(nieuw.selection.from);
        if (dom && dom.voetnoot) dom.voetnoot.focus();
      }
      if (tr.docChanged) synchroon();
      if (balk) balk.bijwerken(nieuw);
    },
  });

  // The textarea always holds the markdown; an untouched text keeps its own spelling.
  function synchroon() {
    const doc = view.state.doc;
    const tekst = doc.eq(basisDoc) ? basisTekst : naarMarkdown(doc);
    if (textarea.value !== tekst) {
      textarea.value = tekst;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  balk = werkbalk(view, naam, id);
  omhulsel.append(balk.balk, view.dom, uitleg);
  textarea.before(omhulsel);
  textarea.hidden = true;
  textarea.required = false; // the server says what is missing, next to the field
  textarea.setAttribute("aria-hidden", "true");
  textarea.tabIndex = -1;
  balk.bijwerken(view.state);
  if (label) label.addEventListener("click", () => view.focus());

  textarea.opmaak = {
    view,
    synchroon,
    // After form.reset() or a value set by script: show what the textarea holds.
    herladen() {
      basisTekst = textarea.value;
      basisDoc = vanMarkdown(basisTekst);
      view.updateState(EditorState.create({ schema, doc: basisDoc, plugins: view.state.plugins }));
      balk.bijwerken(view.state);
    },
  };
  if (textarea.form) {
    textarea.form.addEventListener("reset", () => setTimeout(() => textarea.opmaak.herladen(), 0));
  }
  if (textarea.hasAttribute("autofocus") || document.activeElement === textarea) view.focus();
  return textarea.opmaak;
}

function alles(root) {
  const basis = root && root.querySelectorAll ? root : document;
  if (basis.matches && basis.matches("textarea[data-opmaak]")) opzetten(basis);
  basis.querySelectorAll("textarea[data-opmaak]").forEach(opzetten);
}

function alleSynchroon(form) {
  (form || document).querySelectorAll("textarea[data-opmaak]").forEach((t) => t.opmaak && t.opmaak.synchroon());
}

// Before any submit (plain or HTMX, which listens on the form itself) the markdown is current.
document.addEventListener("submit", (e) => alleSynchroon(e.target), true);
document.addEventListener("htmx:configRequest", (e) => {
  const elt = e.detail && e.detail.elt;
  const form = elt && (elt.form || (elt.closest && elt.closest("form")));
  if (!form) return;
  form.querySelectorAll("textarea[data-opmaak]").forEach((t) => {
    if (t.opmaak) {
      t.opmaak.synchroon();
      if (t.name && e.detail.parameters) {
        try {
          e.detail.parameters[t.name] = t.value;
        } catch (fout) {
          // the form's own value, synced just above, is what htmx sends then
        }
      }
    }
  });
});
document.addEventListener("htmx:load", (e) => alles(e.target));
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => alles(document));
else alles(document);

window.opmaakeditor = { init: alles, vanMarkdown, naarMarkdown, plakHtmlOpschonen, synchroon: alleSynchroon };
