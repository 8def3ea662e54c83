// tidings dashboard. Article text and every stored value are untrusted: they reach the page only
// as text nodes (textContent / createTextNode), never as HTML; links are built only for http(s) URLs.
"use strict";

const TYPE_COLORS = {
  AGREE: "#2b8a3e", CONSULT: "#5c940d", SUPPORT: "#74b816", CONCEDE: "#94d82d", COOPERATE: "#0b7285",
  AID: "#1098ad", RETREAT: "#3bc9db", REQUEST: "#4263eb", ACCUSE: "#f59f00", REJECT: "#f08c00",
  THREATEN: "#e8590c", PROTEST: "#d6336c", SANCTION: "#ae3ec9", MOBILIZE: "#c92a2a", COERCE: "#a61e4d",
  ASSAULT: "#5f0f0f",
};
const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message || "";
  box.hidden = !message;
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined) query.set(name, value);
  }
  const response = await fetch(path + (query.toString() ? "?" + query : ""), {headers: {Accept: "application/json"}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail || response.status);
    throw new Error(detail);
  }
  return body;
}

function filterValues() {
  const form = document.getElementById("filters");
  const values = {};
  for (const name of ["actor", "recipient", "country", "type", "since", "until", "status"]) {
    values[name] = form.elements[name].value.trim();
  }
  return values;
}

// Text with every occurrence of the needles wrapped in <mark class=...> (as nodes, never HTML).
function highlighted(text, needles) {
  const fragment = document.createDocumentFragment();
  const marks = [];
  for (const [needle, cls] of needles) {
    if (!needle || needle.length < 2) continue;
    let at = text.indexOf(needle);
    while (at >= 0) {
      marks.push([at, at + needle.length, cls]);
      at = text.indexOf(needle, at + needle.length);
    }
  }
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let cursor = 0;
  for (const [start, end, cls] of marks) {
    if (start < cursor) continue;
    fragment.appendChild(document.createTextNode(text.slice(cursor, start)));
    fragment.appendChild(el("mark", {class: cls}, text.slice(start, end)));
    cursor = end;
  }
  fragment.appendChild(document.createTextNode(text.slice(cursor)));
  return fragment;
}

function articleLink(articleId, label) {
  const link = el("a", {href: "#article=" + encodeURIComponent(articleId), class: "article-link"}, label);
  link.addEventListener("click", (event) => {
    event.preventDefault();
    showArticle(articleId).catch((error) => showError(error.message));
  });
  return link;
}

function renderEvents(rows, mentions) {
  const body = clear(document.querySelector("#events tbody"));
  for (const row of rows) {
    const actor = mentions ? row.actor_text : row.actor_name || row.actor_code;
    const recipient = mentions ? row.recipient_text : row.recipient_name || row.recipient_code;
    const needles = [[row.trigger, "trigger"], [row.actor_text, "party"], [row.recipient_text, "party"],
                     [row.actor_name, "party"], [row.recipient_name, "party"]];
    const evidence = el("td", {class: "evidence-cell"}, highlighted(row.sentence || "", needles));
    if (row.article_id) evidence.appendChild(el("div", {class: "muted"}, articleLink(row.article_id, row.article_id)));
    const counts = mentions ? "" : `${row.num_mentions}/${row.num_articles}/${row.num_sources}`;
    body.appendChild(el("tr", {},
      el("td", {class: "nowrap"}, row.date || "undated", row.historical ? el("div", {class: "muted"}, "historical") : null),
      el("td", {}, el("span", {class: "type"}, row.type), el("div", {class: "muted"}, row.cameo || "")),
      el("td", {}, row.status), el("td", {}, actor || "–"), el("td", {}, recipient || "–"),
      el("td", {}, row.location_name || row.location_country || ""), el("td", {class: "num"}, counts), evidence));
  }
  if (!rows.length) body.appendChild(el("tr", {}, el("td", {colspan: 8, class: "muted"}, "no events")));
}

function renderActors(rows) {
  const body = clear(document.querySelector("#actors tbody"));
  for (const row of rows) {
    const code = row.org || [row.country, row.sector].filter(Boolean).join("");
    body.appendChild(el("tr", {}, el("td", {}, row.name), el("td", {}, code), el("td", {class: "num"}, row.events),
      el("td", {class: "num"}, row.quotes)));
  }
}

function renderDyads(rows) {
  const body = clear(document.querySelector("#dyads tbody"));
  for (const row of rows) {
    body.appendChild(el("tr", {}, el("td", {}, row.actor_code), el("td", {}, row.recipient_code),
      el("td", {class: "num"}, row.events)));
  }
}

function renderArticles(rows) {
  const body = clear(document.querySelector("#articles tbody"));
  for (const row of rows) {
    const title = row.title || row.id;
    const snippet = row.snippet ? el("div", {class: "muted"}, row.snippet) : null;
    body.appendChild(el("tr", {}, el("td", {class: "nowrap"}, row.published || ""), el("td", {}, row.source || ""),
      el("td", {}, articleLink(row.id, title), snippet), el("td", {class: "num"}, row.events ?? "")));
  }
  if (!rows.length) body.appendChild(el("tr", {}, el("td", {colspan: 4, class: "muted"}, "no articles")));
}

// Stacked bars on a continuous time axis (days without events stay empty), one colour per PLOVER type.
function renderChart(rows) {
  const box = clear(document.getElementById("chart"));
  if (!rows.length) { box.appendChild(el("p", {class: "muted"}, "no day-precise events")); return; }
  const dayNumber = (iso) => Math.round(Date.parse(iso + "T00:00:00Z") / 86400000);
  const days = [...new Set(rows.map((r) => r.date))].sort();
  const first = dayNumber(days[0]), span = dayNumber(days[days.length - 1]) - first + 1;
  const totals = new Map(days.map((d) => [d, 0]));
  for (const r of rows) totals.set(r.date, totals.get(r.date) + r.events);
  const max = Math.max(...totals.values());
  const width = 900, height = 180, left = 30, bottom = 20;
  const step = (width - left) / span, bar = Math.max(1, step * 0.8);
  const chart = svg("svg", {viewBox: `0 0 ${width} ${height + bottom}`, role: "img", class: "chart-svg"});
  chart.appendChild(svg("title", {}, "events per day by type"));
  chart.appendChild(svg("text", {x: 0, y: 10, class: "axis"}, max));
  chart.appendChild(svg("line", {x1: left, y1: height, x2: width, y2: height, class: "axis-line"}));
  const stacked = new Map(days.map((d) => [d, 0]));
  for (const r of rows) {
    const x = left + (dayNumber(r.date) - first) * step;
    const h = (r.events / max) * (height - 10);
    const y = height - stacked.get(r.date) - h;
    stacked.set(r.date, stacked.get(r.date) + h);
    const rect = svg("rect", {x: x.toFixed(1), y: y.toFixed(1), width: bar.toFixed(1), height: h.toFixed(1),
                              fill: TYPE_COLORS[r.type] || "#868e96"});
    rect.appendChild(svg("title", {}, `${r.date} ${r.type}: ${r.events}`));
    chart.appendChild(rect);
  }
  chart.appendChild(svg("text", {x: left, y: height + 15, class: "axis"}, days[0]));
  chart.appendChild(svg("text", {x: width, y: height + 15, class: "axis", "text-anchor": "end"}, days[days.length - 1]));
  box.appendChild(chart);
  const legend = el("p", {class: "legend"});
  for (const type of [...new Set(rows.map((r) => r.type))].sort()) {
    const swatch = el("span", {class: "swatch"});
    swatch.style.background = TYPE_COLORS[type] || "#868e96";
    legend.appendChild(el("span", {class: "legend-item"}, swatch, type));
  }
  box.appendChild(legend);
}

// Equirectangular dot map: longitude → x, latitude → y, a graticule every 30 degrees, no tiles.
function renderMap(points) {
  const box = clear(document.getElementById("map"));
  const map = svg("svg", {viewBox: "0 0 360 180", role: "img", class: "map-svg"});
  map.appendChild(svg("title", {}, "event locations"));
  map.appendChild(svg("rect", {x: 0, y: 0, width: 360, height: 180, class: "sea"}));
  for (let lon = 30; lon < 360; lon += 30) map.appendChild(svg("line", {x1: lon, y1: 0, x2: lon, y2: 180, class: "grid"}));
  for (let lat = 30; lat < 180; lat += 30) map.appendChild(svg("line", {x1: 0, y1: lat, x2: 360, y2: lat, class: "grid"}));
  const max = Math.max(1, ...points.map((p) => p.events));
  for (const p of points) {
    const dot = svg("circle", {cx: (p.lon + 180).toFixed(2), cy: (90 - p.lat).toFixed(2),
                               r: (1 + 4 * Math.sqrt(p.events / max)).toFixed(2), class: "dot"});
    dot.appendChild(svg("title", {}, `${p.name || p.country}: ${p.events}`));
    map.appendChild(dot);
  }
  box.appendChild(map);
  if (!points.length) box.appendChild(el("p", {class: "muted"}, "no located events"));
}

// The article with its annotations: text cut at every annotation boundary, each piece a text node
// inside a span carrying the classes of the annotations covering it.
function annotatedText(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    const piece = text.slice(start, end);
    if (!covering.length) { fragment.appendChild(document.createTextNode(piece)); continue; }
    const titles = covering.map((s) => s.title).filter(Boolean);
    fragment.appendChild(el("span", {class: covering.map((s) => s.cls).join(" "),
                                     title: titles.length ? titles.join(" · ") : null}, piece));
  }
  return fragment;
}

async function showArticle(articleId) {
  const doc = await api("/api/articles/" + encodeURIComponent(articleId));
  const article = doc.article;
  const section = document.getElementById("article");
  document.getElementById("article-title").textContent = article.title || article.id;
  const meta = clear(document.getElementById("article-meta"));
  meta.appendChild(document.createTextNode(
    [article.published, article.source, `id ${article.id}`].filter(Boolean).join(" · ") + " "));
  if (article.url && /^https?:\/\//i.test(article.url)) {
    meta.appendChild(el("a", {href: article.url, rel: "noopener noreferrer nofollow", target: "_blank"}, article.url));
  } else if (article.url) {
    meta.appendChild(document.createTextNode(article.url));
  }
  const spans = [];
  for (const m of doc.mentions) spans.push({start: m.start, end: m.end, cls: `m-${m.label}`, title: m.actor_id || m.label});
  for (const q of doc.quotes) {
    spans.push({start: q.start, end: q.end, cls: "quote", title: `quote: ${q.speaker ? q.speaker.name || q.speaker.text : "?"}`});
  }
  for (const e of doc.events) {
    spans.push({start: e.sentence.start, end: e.sentence.end, cls: "evidence", title: null});
    spans.push({start: e.trigger.start, end: e.trigger.end, cls: "trigger", title: `${e.type} ${e.cameo} (${e.status})`});
  }
  clear(document.getElementById("article-text")).appendChild(annotatedText(article.text, spans));
  const body = clear(document.querySelector("#article-events tbody"));
  for (const e of doc.events) {
    body.appendChild(el("tr", {}, el("td", {}, e.date || "undated"), el("td", {}, e.type),
      el("td", {}, e.actor ? e.actor.name || e.actor.text : "–"),
      el("td", {}, e.recipient ? e.recipient.name || e.recipient.text : "–"),
      el("td", {}, e.trigger.text), el("td", {}, e.status)));
  }
  section.hidden = false;
  section.scrollIntoView({behavior: "smooth"});
}

async function loadSummary() {
  const s = await api("/api/summary");
  document.getElementById("summary").textContent =
    `${s.articles} articles (${s.stories} stories) · ${s.events} events from ${s.event_mentions} mentions · ` +
    `${s.actors} actors · ${s.quotes} quotes · ${s.failures} failed inputs`;
}

async function load() {
  showError("");
  const filters = filterValues();
  const mentions = document.getElementById("filters").elements.mentions.checked;
  try {
    const [events, actors, dyads, daily, places, articles] = await Promise.all([
      api("/api/events", {...filters, limit: 100, mentions: mentions ? "true" : ""}),
      api("/api/actors", {...filters, limit: 15}),
      api("/api/stats/dyads", {...filters, limit: 15}),
      api("/api/stats/daily", {...filters, limit: 1000}),
      api("/api/stats/places", {...filters, limit: 1000}),
      api("/api/articles", {since: filters.since, until: filters.until, limit: 50}),
    ]);
    renderEvents(events, mentions);
    renderActors(actors);
    renderDyads(dyads);
    renderChart(daily);
    renderMap(places);
    renderArticles(articles);
  } catch (error) {
    showError(error.message);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("filters").addEventListener("submit", (event) => { event.preventDefault(); load(); });
  document.getElementById("filters").addEventListener("reset", () => setTimeout(load, 0));
  document.getElementById("article-close").addEventListener("click", () => {
    document.getElementById("article").hidden = true;
    history.replaceState(null, "", location.pathname + location.search);
  });
  document.getElementById("search").addEventListener("submit", (event) => {
    event.preventDefault();
    const words = event.target.elements.q.value.trim();
    const request = words ? api("/api/search", {q: words, limit: 50}) : api("/api/articles", {limit: 50});
    request.then(renderArticles).catch((error) => showError(error.message));
  });
  loadSummary().catch((error) => showError(error.message));
  load();
  if (location.hash.startsWith("#article=")) {  // a deep link to one article
    showArticle(decodeURIComponent(location.hash.slice(9))).catch((error) => showError(error.message));
  }
});
