// tidings dashboard. Article text and every stored value are untrusted: they reach the page only
// as text nodes (textContent / createTextNode), never as HTML; links are built only for http(s) URLs.
// The view lives in the URL (?country=UKR&sort=-goldstein&article=…): reload or share it and it comes back.
"use strict";

const TYPE_COLORS = {
  AGREE: "#2b8a3e", CONSULT: "#5c940d", SUPPORT: "#74b816", CONCEDE: "#94d82d", COOPERATE: "#0b7285",
  AID: "#1098ad", RETREAT: "#3bc9db", REQUEST: "#4263eb", ACCUSE: "#f59f00", REJECT: "#f08c00",
  THREATEN: "#e8590c", PROTEST: "#d6336c", SANCTION: "#ae3ec9", MOBILIZE: "#c92a2a", COERCE: "#a61e4d",
  ASSAULT: "#5f0f0f",
};
const QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
const SVG = "http://www.w3.org/2000/svg";
const FILTERS = ["actor", "recipient", "country", "type", "since", "until", "status"];
const FLAGS = ["historical", "candidates", "mentions"];
const LABELS = {actor: "Actor", recipient: "Recipient", country: "Country", type: "Type", since: "Since",
                until: "Until", status: "Status", "min-confidence": "Minimum confidence", limit: "Limit"};
const PAGE = 50;
const MENTION_SORTS = ["date", "type", "goldstein", "quad_class", "actor", "recipient", "confidence"];

// --- small DOM helpers ------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
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

function isWebUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url);
}

function number(value) {
  return value === null || value === undefined ? "" : Number(value).toLocaleString("en");
}

// --- the view's state and the URL -------------------------------------------------------------------

function readState() {
  const params = new URLSearchParams(location.search);
  const state = {sort: params.get("sort") || "-date", offset: Math.max(0, parseInt(params.get("offset") || "0", 10) || 0),
                 article: params.get("article"), q: params.get("q") || ""};
  for (const name of FILTERS) state[name] = params.get(name) || "";
  for (const name of FLAGS) state[name] = params.get(name) === "1";
  return state;
}

function stateUrl(state) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (state[name]) params.set(name, state[name]);
  for (const name of FLAGS) if (state[name]) params.set(name, "1");
  if (state.sort && state.sort !== "-date") params.set("sort", state.sort);
  if (state.offset) params.set("offset", String(state.offset));
  if (state.q) params.set("q", state.q);
  if (state.article) params.set("article", state.article);
  const text = params.toString();
  return location.pathname + (text ? "?" + text : "");
}

let state = readState();

function go(changes, {push = true, reload = true} = {}) {
  state = {...state, ...changes};
  if (push) history.pushState(null, "", stateUrl(state));
  else history.replaceState(null, "", stateUrl(state));
  stateToForm();
  if (reload) load();
}

function stateToForm() {
  const form = document.getElementById("filters");
  for (const name of FILTERS) form.elements[name].value = state[name];
  for (const name of FLAGS) form.elements[name].checked = state[name];
  document.getElementById("search-q").value = state.q;
}

function formToState() {
  const form = document.getElementById("filters");
  const values = {};
  for (const name of FILTERS) values[name] = form.elements[name].value.trim();
  for (const name of FLAGS) values[name] = form.elements[name].checked;
  return values;
}

// Filters as the API takes them. Background events and low-confidence candidates stay out unless asked for.
function eventParams(withCandidates) {
  const params = {};
  for (const name of FILTERS) if (state[name]) params[name] = state[name];
  if (!state.historical) params.historical = "false";
  if (withCandidates && state.candidates) params.min_confidence = "0";
  return params;
}

function mentionRows() {
  return state.mentions || state.candidates;  // candidates belong to no event cluster: only mentions show them
}

// --- talking to the API -----------------------------------------------------------------------------

class ApiError extends Error {
  constructor(message, {status = 0, detail = "", allowed = null} = {}) {
    super(message);
    this.status = status;
    this.detail = detail;
    this.allowed = allowed;
  }
}

function queryString(params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined) query.set(name, value);
  }
  const text = query.toString();
  return text ? "?" + text : "";
}

async function api(path, params, signal) {
  let response;
  try {
    response = await fetch(path + queryString(params), {headers: {Accept: "application/json"}, signal});
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError("Could not reach the tidings server. Is `tidings serve` still running?");
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : "";
    let message = detail || `The server answered ${response.status}.`;
    if (response.status === 503) message = `The event store is not available: ${detail}`;
    else if (response.status >= 500) message = `The server failed on this request (HTTP ${response.status}).`;
    else if (response.status === 404) message = detail || "Not found.";
    throw new ApiError(message, {status: response.status, detail, allowed: body.allowed || null});
  }
  return body;
}

// The filter a 400 is about ("bad --country 'x'", "bad date for --since", "bad limit: …"), if any.
function fieldOf(error) {
  const match = /--([a-z-]+)/.exec(error.detail || "") || /^bad ([a-z_]+)/.exec(error.detail || "");
  return match ? match[1].replace("_", "-") : null;
}

// The reason in plain words, for the person who typed the value.
function plainWords(error, field) {
  const detail = error.detail || error.message;
  const value = field && state[field] ? `“${state[field]}”` : "This value";
  if (field === "country") {
    const guess = /did you mean ([^?]+)\?/.exec(detail);
    return `${value} is not a country tidings knows. Use a name such as Russia or a three-letter code such as RUS.` +
           (guess ? ` Did you mean ${guess[1]}?` : "");
  }
  if ((field === "since" || field === "until") && /is after/.test(detail)) {
    return `“Since” (${state.since}) is after “Until” (${state.until}).`;
  }
  if (field === "since" || field === "until") {
    return `${value} is not a date. Write it as 2022, 2022-02 or 2022-02-24.`;
  }
  if (field === "type") return `${value} is not an event type. Choose one from the list.`;
  if (field === "status") return `${value} is not a status. Choose asserted, negated, future or hypothetical.`;
  return detail.replace(/--([a-z-]+)/g, (_, name) => `“${LABELS[name] || name}”`);
}

function clearErrors() {
  for (const box of document.querySelectorAll(".error, .field-error")) { box.textContent = ""; box.hidden = true; }
  for (const input of document.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
}

function showError(where, message) {
  const box = document.getElementById(where);
  box.textContent = message || "";
  box.hidden = !message;
}

// An error next to what caused it: the filter field for a bad filter, else the section that failed.
function reportError(section, error) {
  if (error.name === "AbortError") return;
  const field = error.status === 400 ? fieldOf(error) : null;
  const form = document.getElementById("filters");
  if (field && FILTERS.includes(field)) {
    showError(`err-${field}`, plainWords(error, field));
    form.elements[field].setAttribute("aria-invalid", "true");
    showError(section, `Nothing to show until the ${LABELS[field]} filter above is fixed.`);
    return;
  }
  showError(section, error.message);
}

// --- loading: every request of an older view is cancelled, and a late answer is never drawn ------------

let controller = null;
let generation = 0;

function load() {
  if (controller) controller.abort();
  controller = new AbortController();
  const signal = controller.signal;
  const mine = ++generation;
  clearErrors();
  const current = () => mine === generation;
  const run = (section, request, render) => request
    .then((body) => { if (current()) render(body); })
    .catch((error) => { if (current()) reportError(section, error); });

  const filters = eventParams(false);
  const mentions = mentionRows();
  if (mentions && !MENTION_SORTS.includes(state.sort.replace("-", ""))) state.sort = "-date";
  const page = {...eventParams(true), mentions: mentions ? "true" : "", sort: state.sort, offset: state.offset,
                limit: PAGE};
  updateDownloads(page);
  return Promise.all([
    run("events-error", api("/api/events", page, signal), renderEvents),
    run("actors-error", api("/api/actors", {...filters, limit: 15}, signal), renderActors),
    run("dyads-error", api("/api/stats/dyads", {...filters, limit: 15}, signal), renderDyads),
    run("chart-error", api("/api/stats/daily", filters, signal), renderChart),
    run("map-error", api("/api/stats/places", {...filters, limit: 1000}, signal), renderMap),
    run("articles-error", state.q ? api("/api/search", {q: state.q, limit: 50}, signal)
      : api("/api/articles", {since: state.since, until: state.until, limit: 50}, signal).then((p) => p.items),
        renderArticles),
  ]);
}

function updateDownloads(page) {
  const params = {...page};
  delete params.limit;
  delete params.offset;
  document.getElementById("download-csv").href = "/api/events.csv" + queryString(params);
  document.getElementById("download-jsonl").href = "/api/events.jsonl" + queryString(params);
}

// --- the events table ----------------------------------------------------------------------------------

// The sentence with the trigger marked by its offsets (into the article; the sentence starts at sentence_start).
function evidence(row) {
  const sentence = row.sentence || "";
  const fragment = document.createDocumentFragment();
  const start = row.trigger_start - row.sentence_start, end = row.trigger_end - row.sentence_start;
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= sentence.length) {
    fragment.appendChild(document.createTextNode(sentence.slice(0, start)));
    fragment.appendChild(el("mark", {class: "trigger"}, sentence.slice(start, end)));
    fragment.appendChild(document.createTextNode(sentence.slice(end)));
  } else {
    fragment.appendChild(document.createTextNode(sentence || "(no sentence stored)"));
  }
  return fragment;
}

function articleHref(articleId) {
  return stateUrl({...state, article: articleId});
}

function articleLink(articleId, label) {
  const link = el("a", {href: articleHref(articleId), class: "article-link"}, label);
  link.addEventListener("click", (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;  // a new tab keeps the href
    event.preventDefault();
    go({article: articleId}, {reload: false});
    showArticle(articleId);
  });
  return link;
}

function filterButton(label, changes, title) {
  const button = el("button", {type: "button", class: "linkish", title}, label);
  button.addEventListener("click", () => go({...changes, offset: 0}));
  return button;
}

function party(name, code, id, role) {
  if (!name && !code) return "–";
  const value = id || code;
  const cell = document.createDocumentFragment();
  cell.appendChild(value ? filterButton(name || code, {[role]: value}, `show only events with ${role} ${value}`)
                         : document.createTextNode(name));
  if (code && name && code !== name) cell.appendChild(el("div", {class: "muted"}, code));
  return cell;
}

function renderEvents(page) {
  const body = clear(document.querySelector("#events tbody"));
  const mentions = page.mentions;
  for (const row of page.items) {
    const actor = mentions ? party(row.actor_name || row.actor_text, row.actor_code, row.actor_id, "actor")
                           : party(row.actor_name, row.actor_code, row.actor_id, "actor");
    const recipient = mentions ? party(row.recipient_name || row.recipient_text, row.recipient_code, row.recipient_id, "recipient")
                               : party(row.recipient_name, row.recipient_code, row.recipient_id, "recipient");
    const source = el("div", {class: "muted source-line"});
    if (row.article_id) source.appendChild(articleLink(row.article_id, row.title || row.article_id));
    if (row.source) source.appendChild(document.createTextNode(` · ${row.source}`));
    if (isWebUrl(row.url)) {
      source.appendChild(document.createTextNode(" · "));
      source.appendChild(el("a", {href: row.url, rel: "noopener noreferrer nofollow", target: "_blank"}, "original"));
    }
    if (row.confidence !== null && row.confidence !== undefined) {
      source.appendChild(document.createTextNode(` · confidence ${Number(row.confidence).toFixed(2)}`));
    }
    const counts = mentions ? "" : `${row.num_mentions}/${row.num_articles}/${row.num_sources}`;
    const dateCell = el("td", {class: "nowrap"}, row.date_label || row.date || "undated");
    if (row.historical) dateCell.appendChild(el("div", {class: "badge"}, "background"));
    if (row.candidate) dateCell.appendChild(el("div", {class: "badge candidate"}, "candidate"));
    body.appendChild(el("tr", {},
      dateCell,
      el("td", {}, el("span", {class: "type"}, row.type), el("div", {class: "muted"}, row.cameo ? `CAMEO ${row.cameo}` : "")),
      el("td", {class: "num"}, row.goldstein === null ? "" : Number(row.goldstein).toFixed(1)),
      el("td", {title: QUAD_CLASSES[row.quad_class] || ""}, row.quad_class ?? "",
         el("div", {class: "muted"}, QUAD_CLASSES[row.quad_class] || "")),
      el("td", {}, row.status),
      el("td", {}, actor), el("td", {}, recipient),
      el("td", {}, row.location_name || row.location_country || ""),
      el("td", {class: "num"}, counts),
      el("td", {class: "evidence-cell"}, evidence(row), source)));
  }
  if (!page.items.length) body.appendChild(el("tr", {}, el("td", {colspan: 10, class: "muted"}, "No events match these filters.")));
  const first = page.total ? page.offset + 1 : 0, last = page.offset + page.items.length;
  const hidden = [state.historical ? null : "background events hidden", state.candidates ? null : "low-confidence candidates hidden"]
    .filter(Boolean).join(", ");
  document.getElementById("events-count").textContent =
    `${mentions ? "Event mentions" : "Events"} ${number(first)}–${number(last)} of ${number(page.total)}` + (hidden ? ` (${hidden})` : "");
  document.getElementById("events-prev").disabled = page.offset <= 0;
  document.getElementById("events-next").disabled = page.offset + page.items.length >= page.total;
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    const key = th.dataset.sort;
    th.hidden = false;
    if (state.sort === key) th.setAttribute("aria-sort", "ascending");
    else if (state.sort === "-" + key) th.setAttribute("aria-sort", "descending");
    else th.removeAttribute("aria-sort");
    th.querySelector("button").disabled = mentions && !MENTION_SORTS.includes(key);
  }
}

// --- side views ----------------------------------------------------------------------------------------

function renderActors(rows) {
  const body = clear(document.querySelector("#actors tbody"));
  for (const row of rows) {
    const code = row.org || [row.country, row.sector].filter(Boolean).join("");
    body.appendChild(el("tr", {}, el("td", {}, filterButton(row.name, {actor: row.id}, `show only events with actor ${row.name}`)),
      el("td", {}, code), el("td", {class: "num"}, number(row.events)), el("td", {class: "num"}, number(row.quotes))));
  }
  if (!rows.length) body.appendChild(el("tr", {}, el("td", {colspan: 4, class: "muted"}, "No actors.")));
}

function renderDyads(rows) {
  const body = clear(document.querySelector("#dyads tbody"));
  for (const row of rows) {
    body.appendChild(el("tr", {}, el("td", {}, filterButton(`${row.actor_code} → ${row.recipient_code}`,
      {actor: row.actor_code, recipient: row.recipient_code}, "show only events between them")),
      el("td", {class: "num"}, number(row.events))));
  }
  if (!rows.length) body.appendChild(el("tr", {}, el("td", {colspan: 2, class: "muted"}, "No actor pairs.")));
}

function renderArticles(rows) {
  const body = clear(document.querySelector("#articles tbody"));
  for (const row of rows) {
    const snippet = row.snippet ? el("div", {class: "muted"}, row.snippet) : null;
    body.appendChild(el("tr", {}, el("td", {class: "nowrap"}, row.published || ""), el("td", {}, row.source || ""),
      el("td", {}, articleLink(row.id, row.title || row.id), snippet), el("td", {class: "num"}, row.events ?? "")));
  }
  if (!rows.length) body.appendChild(el("tr", {}, el("td", {colspan: 4, class: "muted"}, "No articles.")));
}

// The since/until filters of one chart period.
function periodFilter(start, bucket) {
  if (bucket === "year") return {since: start.slice(0, 4), until: start.slice(0, 4)};
  if (bucket === "month") return {since: start.slice(0, 7), until: start.slice(0, 7)};
  if (bucket === "week") {
    const end = new Date(Date.parse(start + "T00:00:00Z") + 6 * 86400000).toISOString().slice(0, 10);
    return {since: start, until: end};
  }
  return {since: start, until: start};
}

function periodIndex(start, bucket) {
  const [y, m] = start.split("-").map(Number);
  if (bucket === "year") return y;
  if (bucket === "month") return y * 12 + m;
  const day = Math.round(Date.parse(start + "T00:00:00Z") / 86400000);
  return bucket === "week" ? Math.round(day / 7) : day;
}

// Stacked bars on a continuous time axis (periods without events stay empty), one colour per PLOVER type.
// Every bar filters the view to its period; the table below the chart holds the same numbers.
function renderChart(counts) {
  const rows = counts.rows;
  const box = clear(document.getElementById("chart"));
  const bucket = counts.bucket;
  document.getElementById("chart-note").textContent = rows.length
    ? `Events per ${bucket}${counts.truncated ? " (latest periods only)" : ""}; choose a bar to see its period.` : "";
  renderChartTable(rows, bucket);
  if (!rows.length) { box.appendChild(el("p", {class: "muted"}, "No dated events.")); return; }
  const periods = [...new Set(rows.map((r) => r.date))].sort();
  const labels = new Map(rows.map((r) => [r.date, r.label]));
  const first = periodIndex(periods[0], bucket), span = periodIndex(periods[periods.length - 1], bucket) - first + 1;
  const totals = new Map(periods.map((d) => [d, 0]));
  for (const r of rows) totals.set(r.date, totals.get(r.date) + r.events);
  const max = Math.max(...totals.values());
  const width = 900, height = 180, left = 30, bottom = 20;
  const step = (width - left) / span, bar = Math.min(40, Math.max(1, step * 0.8));
  const chart = svg("svg", {viewBox: `0 0 ${width} ${height + bottom}`, role: "img", class: "chart-svg",
                            "aria-labelledby": "chart-title"});
  chart.appendChild(svg("title", {}, `events per ${bucket} by type (the table below lists the numbers)`));
  chart.appendChild(svg("text", {x: 0, y: 10, class: "axis"}, max));
  chart.appendChild(svg("line", {x1: left, y1: height, x2: width, y2: height, class: "axis-line"}));
  const stacked = new Map(periods.map((d) => [d, 0]));
  for (const r of rows) {
    const x = left + (periodIndex(r.date, bucket) - first) * step;
    const h = (r.events / max) * (height - 10);
    const y = height - stacked.get(r.date) - h;
    stacked.set(r.date, stacked.get(r.date) + h);
    const rect = svg("rect", {x: x.toFixed(1), y: y.toFixed(1), width: bar.toFixed(1), height: h.toFixed(1),
                              fill: TYPE_COLORS[r.type] || "#868e96", class: "bar", "data-period": r.date});
    rect.appendChild(svg("title", {}, `${r.label} ${r.type}: ${r.events}`));
    rect.addEventListener("click", () => go({...periodFilter(r.date, bucket), offset: 0}));
    chart.appendChild(rect);
  }
  chart.appendChild(svg("text", {x: left, y: height + 15, class: "axis"}, labels.get(periods[0])));
  chart.appendChild(svg("text", {x: width, y: height + 15, class: "axis", "text-anchor": "end"},
                        labels.get(periods[periods.length - 1])));
  box.appendChild(chart);
  const legend = el("p", {class: "legend"});
  for (const type of [...new Set(rows.map((r) => r.type))].sort()) {
    const swatch = el("span", {class: "swatch"});
    swatch.style.background = TYPE_COLORS[type] || "#868e96";
    legend.appendChild(el("span", {class: "legend-item"}, swatch, type));
  }
  box.appendChild(legend);
}

function renderChartTable(rows, bucket) {
  const body = clear(document.querySelector("#chart-table tbody"));
  for (const r of rows) {
    body.appendChild(el("tr", {}, el("td", {}, filterButton(r.label, periodFilter(r.date, bucket), "show this period")),
      el("td", {}, r.type), el("td", {class: "num"}, number(r.events)), el("td", {class: "num"}, number(r.mentions))));
  }
}

// Equirectangular dot map: longitude → x, latitude → y, a graticule every 30 degrees, no tiles.
function renderMap(points) {
  const box = clear(document.getElementById("map"));
  const map = svg("svg", {viewBox: "0 0 360 180", role: "img", class: "map-svg", "aria-labelledby": "map-title"});
  map.appendChild(svg("title", {}, "event locations (the table below lists them)"));
  map.appendChild(svg("rect", {x: 0, y: 0, width: 360, height: 180, class: "sea"}));
  for (let lon = 30; lon < 360; lon += 30) map.appendChild(svg("line", {x1: lon, y1: 0, x2: lon, y2: 180, class: "grid"}));
  for (let lat = 30; lat < 180; lat += 30) map.appendChild(svg("line", {x1: 0, y1: lat, x2: 360, y2: lat, class: "grid"}));
  const max = Math.max(1, ...points.map((p) => p.events));
  for (const p of points) {
    if (p.lat === null || p.lon === null) continue;
    const dot = svg("circle", {cx: (p.lon + 180).toFixed(2), cy: (90 - p.lat).toFixed(2),
                               r: (1 + 4 * Math.sqrt(p.events / max)).toFixed(2), class: "dot"});
    dot.appendChild(svg("title", {}, `${p.name || p.country}: ${p.events}`));
    map.appendChild(dot);
  }
  box.appendChild(map);
  if (!points.length) box.appendChild(el("p", {class: "muted"}, "No located events."));
  const body = clear(document.querySelector("#places-table tbody"));
  for (const p of points) {
    body.appendChild(el("tr", {}, el("td", {}, p.name || ""),
      el("td", {}, p.country ? filterButton(p.country, {country: p.country}, "show only events in this country") : ""),
      el("td", {class: "num"}, number(p.events))));
  }
}

// --- one article ---------------------------------------------------------------------------------------

// The article with its annotations: text cut at every annotation boundary, each piece a text node
// inside a span carrying the classes of the annotations covering it.
function annotatedText(text, spans) {
  const usable = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start);
  const cuts = new Set([0, text.length]);
  for (const s of usable) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = usable.filter((s) => s.start <= start && s.end >= end);
    const piece = text.slice(start, end);
    if (!covering.length) { fragment.appendChild(document.createTextNode(piece)); continue; }
    const titles = covering.map((s) => s.title).filter(Boolean);
    fragment.appendChild(el("span", {class: covering.map((s) => s.cls).join(" "),
                                     title: titles.length ? titles.join(" · ") : null}, piece));
  }
  return fragment;
}

let articleController = null;

async function showArticle(articleId) {
  if (articleController) articleController.abort();
  articleController = new AbortController();
  const section = document.getElementById("article");
  section.hidden = false;
  showError("article-error", "");
  let doc;
  try {
    doc = await api("/api/articles/" + encodeURIComponent(articleId), {}, articleController.signal);
  } catch (error) {
    if (error.name === "AbortError") return;
    document.getElementById("article-title").textContent = "Article";
    clear(document.getElementById("article-meta"));
    clear(document.getElementById("article-text"));
    clear(document.querySelector("#article-events tbody"));
    showError("article-error", error.status === 404 ? `There is no article with the id “${articleId}”.` : error.message);
    return;
  }
  const article = doc.article;
  document.getElementById("article-title").textContent = article.title || article.id;
  const meta = clear(document.getElementById("article-meta"));
  meta.appendChild(document.createTextNode(
    [article.published, article.source, `id ${article.id}`].filter(Boolean).join(" · ") + " "));
  if (isWebUrl(article.url)) {
    meta.appendChild(el("a", {href: article.url, rel: "noopener noreferrer nofollow", target: "_blank"}, article.url));
  } else if (article.url) {
    meta.appendChild(document.createTextNode(article.url));
  }
  const spans = [];
  for (const m of doc.mentions || []) spans.push({start: m.start, end: m.end, cls: `m-${m.label}`, title: m.actor_id || m.label});
  for (const q of doc.quotes || []) {
    spans.push({start: q.start, end: q.end, cls: "quote", title: `quote: ${q.speaker ? q.speaker.name || q.speaker.text : "?"}`});
  }
  for (const e of doc.events || []) {
    if (e.sentence) spans.push({start: e.sentence.start, end: e.sentence.end, cls: "evidence", title: null});
    if (e.trigger) spans.push({start: e.trigger.start, end: e.trigger.end, cls: "trigger", title: `${e.type} ${e.cameo} (${e.status})`});
  }
  clear(document.getElementById("article-text")).appendChild(annotatedText(article.text, spans));
  const body = clear(document.querySelector("#article-events tbody"));
  for (const e of doc.events || []) {
    body.appendChild(el("tr", {}, el("td", {}, e.date || "undated"), el("td", {}, e.type),
      el("td", {}, e.actor ? e.actor.name || e.actor.text : "–"),
      el("td", {}, e.recipient ? e.recipient.name || e.recipient.text : "–"),
      el("td", {}, e.trigger ? e.trigger.text : "–"), el("td", {}, e.status)));
  }
  section.scrollIntoView({block: "start"});
  document.getElementById("article-title").focus({preventScroll: true});
}

function closeArticle() {
  document.getElementById("article").hidden = true;
  if (articleController) articleController.abort();
}

async function loadSummary() {
  try {
    const s = await api("/api/summary");
    document.getElementById("summary").textContent =
      `${number(s.articles)} articles (${number(s.stories)} stories) · ${number(s.events)} events from ` +
      `${number(s.event_mentions)} mentions · ${number(s.actors)} actors · ${number(s.quotes)} quotes · ` +
      `${number(s.failures)} failed inputs`;
  } catch (error) {
    showError("error", error.message);
  }
}

function restore() {
  stateToForm();
  if (state.article) showArticle(state.article);
  else closeArticle();
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (event) => { event.preventDefault(); go({...formToState(), offset: 0}); });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    go({...Object.fromEntries(FILTERS.map((n) => [n, ""])), ...Object.fromEntries(FLAGS.map((n) => [n, false])),
        offset: 0, sort: "-date"});
  });
  for (const name of FLAGS) form.elements[name].addEventListener("change", () => go({...formToState(), offset: 0}));
  for (const name of ["type", "status"]) form.elements[name].addEventListener("change", () => go({...formToState(), offset: 0}));
  document.getElementById("article-close").addEventListener("click", () => {
    closeArticle();
    go({article: null}, {reload: false});
  });
  document.getElementById("events-prev").addEventListener("click", () => go({offset: Math.max(0, state.offset - PAGE)}));
  document.getElementById("events-next").addEventListener("click", () => go({offset: state.offset + PAGE}));
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    th.querySelector("button").addEventListener("click", () => {
      const key = th.dataset.sort;
      const descendingFirst = ["date", "goldstein", "mentions", "quad_class", "confidence"].includes(key);
      const sort = state.sort === "-" + key ? key : state.sort === key ? "-" + key : (descendingFirst ? "-" + key : key);
      go({sort, offset: 0});
    });
  }
  document.getElementById("search").addEventListener("submit", (event) => {
    event.preventDefault();
    go({q: event.target.elements.q.value.trim()});
  });
  window.addEventListener("popstate", () => { state = readState(); restore(); load(); });
  loadSummary();
  restore();
  load();
});
