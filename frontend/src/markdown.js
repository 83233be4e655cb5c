// Markdown <-> ProseMirror for the one stored format of inkoop/core/markdown.py.
//
// The parser is markdown-it, the same parser (in JavaScript) as markdown-it-py on the server,
// with the same dialect: commonmark, tables, footnotes, no raw HTML, and `[tekst]{.underline}`.
// Footnotes become inline nodes at their reference (edited in place); the serializer writes
// them back as `[^n]` with the definitions at the end, numbered in order of appearance, which
// is how the server (and so the page and the PDF) numbers them.
import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";
import { Schema } from "prosemirror-model";
import {
  MarkdownParser,
  MarkdownSerializer,
  defaultMarkdownSerializer,
  schema as basis,
} from "prosemirror-markdown";
import { tableNodes } from "prosemirror-tables";

// ---------- Links: only what the server keeps (nh3 URL schemes, no protocol-relative) ----------

export function veiligAdres(href) {
  if (!href) return false;
  const schoon = String(href).replace(/[\x00-\x20\x7f]/g, "").replace(/\\/g, "/");
  if (schoon.startsWith("//")) return false;
  const schema = /^([a-z][a-z0-9+.-]*):/i.exec(schoon);
  if (schema) return ["http", "https", "mailto"].includes(schema[1].toLowerCase());
  return true; // relative: "/documenten/1/", "#fn1"
}

// ---------- Schema ----------

const tabellen = tableNodes({
  tableGroup: "block",
  cellContent: "inline*",
  cellAttributes: {
    align: {
      default: null,
      getFromDOM: (dom) => {
        const a = dom.style && dom.style.textAlign;
        return ["left", "center", "right"].includes(a) ? a : null;
      },
      setDOMAttr: (waarde, attrs) => {
        if (waarde) attrs.style = (attrs.style || "") + `text-align: ${waarde};`;
      },
    },
  },
});

// A pasted list is tight (no blank lines between items) unless an item holds several paragraphs.
function krap(dom) {
  return !Array.from(dom.children).some((li) => li.querySelectorAll(":scope > p").length > 1);
}

const nodes = basis.spec.nodes
  .update("bullet_list", {
    ...basis.spec.nodes.get("bullet_list"),
    attrs: { tight: { default: true }, bullet: { default: "-" } },
    parseDOM: [{ tag: "ul", getAttrs: (dom) => ({ tight: krap(dom) }) }],
  })
  .update("ordered_list", {
    ...basis.spec.nodes.get("ordered_list"),
    attrs: { order: { default: 1 }, tight: { default: true } },
    parseDOM: [
      {
        tag: "ol",
        getAttrs: (dom) => ({ order: dom.hasAttribute("start") ? +dom.getAttribute("start") || 1 : 1, tight: krap(dom) }),
      },
    ],
  })
  .update("image", {
    // Kept so a text with an image (which the server drops) still opens; never inserted.
    ...basis.spec.nodes.get("image"),
    parseDOM: [],
  })
  .append(tabellen)
  .addToEnd("voetnoot", {
    group: "inline",
    inline: true,
    atom: true, // edited in its own small editor (editor.js, VoetnootView)
    content: "text*",
    marks: "strong em underline link",
    parseDOM: [{ tag: "span[data-voetnoot]" }],
    toDOM: () => ["span", { class: "app-voetnoot", "data-voetnoot": "" }, 0],
  });

const marks = basis.spec.marks
  .update("link", {
    ...basis.spec.marks.get("link"),
    parseDOM: [
      {
        tag: "a[href]",
        getAttrs: (dom) => {
          const href = dom.getAttribute("href");
          return veiligAdres(href) && !href.startsWith("#") ? { href, title: null } : false;
        },
      },
    ],
    toDOM: (mark) => ["a", { href: mark.attrs.href, rel: "noopener noreferrer" }, 0],
  })
  .addBefore("code", "underline", {
    parseDOM: [{ tag: "u" }, { style: "text-decoration", getAttrs: (v) => (v.includes("underline") ? null : false) }],
    toDOM: () => ["u", 0],
  });

export const schema = new Schema({ nodes, marks });

// ---------- Parser ----------

// `[tekst]{.underline}`: the bracketed span the server reads (mdit_py_plugins attrs, spans).
function onderstreping(md) {
  const SLOT = "]{.underline}";
  md.inline.ruler.before("link", "onderstreping", (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */) return false;
    const einde = state.md.helpers.parseLinkLabel(state, state.pos, true);
    if (einde < 0 || state.src.slice(einde, einde + SLOT.length) !== SLOT) return false;
    if (!silent) {
      const max = state.posMax;
      state.push("underline_open", "u", 1);
      state.pos += 1;
      state.posMax = einde;
      state.md.inline.tokenize(state);
      state.posMax = max;
      state.push("underline_close", "u", -1);
    }
    state.pos = einde + SLOT.length;
    return true;
  });
}

export const tokenizer = MarkdownIt("commonmark", { html: false, linkify: false })
  .enable("table")
  .use(footnote)
  .use(onderstreping);

// Move each footnote's text (the definitions at the end) to its reference.
function voetnotenInlijnen(tokens) {
  const teksten = {};
  let begin = tokens.findIndex((t) => t.type === "footnote_block_open");
  if (begin >= 0) {
    let id = null;
    for (const t of tokens.slice(begin)) {
      if (t.type === "footnote_open") {
        id = t.meta.id;
        teksten[id] = [];
      } else if (t.type === "footnote_close") {
        id = null;
      } else if (id !== null && t.type === "inline") {
        if (teksten[id].length) teksten[id].push({ type: "text", content: " ", attrGet: () => null });
        teksten[id].push(...t.children.filter((c) => !c.type.startsWith("footnote_") && c.type !== "image"));
      }
    }
    tokens = tokens.slice(0, begin);
  }
  for (const t of tokens) {
    if (t.type !== "inline" || !t.children) continue;
    const kinderen = [];
    for (const c of t.children) {
      if (c.type === "footnote_ref") {
        kinderen.push({ type: "voetnoot_open", attrGet: () => null });
        for (const k of teksten[c.meta.id] || []) {
          // A footnote holds text with marks only: a line break becomes a space.
          kinderen.push(k.type === "softbreak" || k.type === "hardbreak" ? { type: "text", content: " " } : k);
        }
        kinderen.push({ type: "voetnoot_close", attrGet: () => null });
      } else {
        kinderen.push(c);
      }
    }
    t.children = kinderen;
  }
  return tokens;
}

function uitlijning(tok) {
  const m = /text-align:\s*(left|center|right)/.exec(tok.attrGet("style") || "");
  return { align: m ? m[1] : null };
}

const basisParser = new MarkdownParser(schema, tokenizer, {
  blockquote: { block: "blockquote" },
  paragraph: { block: "paragraph" },
  list_item: { block: "list_item" },
  bullet_list: {
    block: "bullet_list",
    getAttrs: (tok, tokens, i) => ({ tight: lijstIsKrap(tokens, i), bullet: tok.markup || "-" }),
  },
  ordered_list: {
    block: "ordered_list",
    getAttrs: (tok, tokens, i) => ({ order: +tok.attrGet("start") || 1, tight: lijstIsKrap(tokens, i) }),
  },
  heading: { block: "heading", getAttrs: (tok) => ({ level: +tok.tag.slice(1) }) },
  code_block: { block: "code_block", noCloseToken: true },
  fence: { block: "code_block", getAttrs: (tok) => ({ params: tok.info || "" }), noCloseToken: true },
  hr: { node: "horizontal_rule" },
  image: {
    node: "image",
    getAttrs: (tok) => ({
      src: tok.attrGet("src"),
      title: tok.attrGet("title") || null,
      alt: (tok.children[0] && tok.children[0].content) || null,
    }),
  },
  hardbreak: { node: "hard_break" },
  em: { mark: "em" },
  strong: { mark: "strong" },
  underline: { mark: "underline" },
  link: { mark: "link", getAttrs: (tok) => ({ href: tok.attrGet("href"), title: tok.attrGet("title") || null }) },
  code_inline: { mark: "code", noCloseToken: true },
  table: { block: "table" },
  thead: { ignore: true },
  tbody: { ignore: true },
  tr: { block: "table_row" },
  th: { block: "table_header", getAttrs: uitlijning },
  td: { block: "table_cell", getAttrs: uitlijning },
  voetnoot: { block: "voetnoot" },
});

function lijstIsKrap(tokens, i) {
  while (++i < tokens.length) if (tokens[i].type !== "list_item_open") return tokens[i].hidden;
  return false;
}

// Tokenise, inline the footnotes, then let prosemirror-markdown build the tree.
const parser = new MarkdownParser(
  schema,
  { parse: (src, env) => voetnotenInlijnen(tokenizer.parse(src, env)) },
  basisParser.tokens,
);

export function vanMarkdown(tekst) {
  return parser.parse(tekst || "", {});
}

// ---------- Serializer ----------

function naastLijst(node, parent, index) {
  let n = 0;
  for (let i = index - 1; i >= 0 && parent.child(i).type === node.type; i--) n += 1;
  return n % 2 === 1;
}

let noten = null; // the footnotes of the text being written, in order

function inlineMarkdown(inhoud) {
  const doc = schema.node("doc", null, [schema.node("paragraph", null, inhoud)]);
  return serializer.serialize(doc).trim();
}

const knopen = {
  ...defaultMarkdownSerializer.nodes,
  // Two lists of one kind in a row are told apart by their marker ("-" then "*", "." then
  // ")"), or markdown would read them as one list.
  bullet_list(state, node, parent, index) {
    const teken = naastLijst(node, parent, index) ? (node.attrs.bullet === "*" ? "-" : "*") : node.attrs.bullet || "-";
    state.renderList(node, "  ", () => teken + " ");
  },
  ordered_list(state, node, parent, index) {
    const teken = naastLijst(node, parent, index) ? ")" : ".";
    const start = node.attrs.order || 1;
    const breedte = String(start + node.childCount - 1).length;
    state.renderList(node, state.repeat(" ", breedte + 2), (i) => {
      const n = String(start + i);
      return state.repeat(" ", breedte - n.length) + n + teken + " ";
    });
  },
  voetnoot(state, node) {
    if (!node.content.size) return; // an emptied footnote goes
    noten.push(node);
    state.write(`[^${noten.length}]`);
  },
  table(state, node) {
    const rijen = [];
    node.forEach((rij) => {
      const cellen = [];
      rij.forEach((cel) =>
        cellen.push(
          inlineMarkdown(cel.content)
            .replace(/\\\n/g, " ")
            .replace(/\n/g, " ")
            .replace(/(^|[^\\])\|/g, "$1\\|") || " ",
        ),
      );
      rijen.push(cellen);
    });
    const breedte = Math.max(...rijen.map((r) => r.length));
    const regel = (cellen) => "| " + Array.from({ length: breedte }, (_, i) => cellen[i] || " ").join(" | ") + " |";
    const uitlijn = [];
    node.firstChild.forEach((cel) => uitlijn.push(cel.attrs.align));
    const scheiding =
      "| " +
      Array.from({ length: breedte }, (_, i) =>
        uitlijn[i] === "center" ? ":---:" : uitlijn[i] === "right" ? "---:" : uitlijn[i] === "left" ? ":---" : "---",
      ).join(" | ") +
      " |";
    const regels = [regel(rijen[0]), scheiding, ...rijen.slice(1).map(regel)];
    regels.forEach((r, i) => {
      if (i) state.ensureNewLine();
      state.write(r);
    });
    state.closeBlock(node);
  },
  table_row() {},
  table_cell() {},
  table_header() {},
};

const serializer = new MarkdownSerializer(
  knopen,
  {
    ...defaultMarkdownSerializer.marks,
    underline: { open: "[", close: "]{.underline}", mixable: true, expelEnclosingWhitespace: true },
  },
  { tightLists: true },
);

export function naarMarkdown(doc) {
  const buiten = noten;
  noten = [];
  try {
    let tekst = serializer.serialize(doc).replace(/\s+$/, "");
    if (noten.length) {
      const definities = noten.map((n, i) => `[^${i + 1}]: ${inlineMarkdown(n.content) || " "}`);
      tekst += "\n\n" + definities.join("\n");
    }
    return tekst;
  } finally {
    noten = buiten;
  }
}
