// tidings dashboard. Article text and every stored value are untrusted: they reach the page only
// as text nodes (textContent / createTextNode), never as HTML; links are built only for http(s) URLs.
// The view lives in the URL (?country=UKR&sort=-goldstein&article=…): reload or share it and it comes back.
// Which page is shown is the fragment: none (overview), #/actor/<name or code>, #/quotes.
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
const QUOTE_FIELDS = ["actor", "country", "since", "until", "words"];  // the quotes view's form (actor: the speaker)
const QUOTE_PAGE = 25;
const MAX_PLACES = 500;  // dots on the map (the most eventful places)
let handledUrl = null;  // the URL the screen shows: a popstate or hashchange for it changes nothing
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

function whole(value) {
  return Math.max(0, parseInt(value || "0", 10) || 0);
}

// The page named by the fragment: {view: "overview" | "actor" | "quotes", subject: the actor's name or code}.
// A fragment not starting with "#/" (an in-page anchor) names no page.
function route(hash) {
  const actor = /^#\/actor\/(.+)$/.exec(hash);
  if (actor) {
    let subject;
    try { subject = decodeURIComponent(actor[1]); } catch (error) { subject = actor[1]; }
    return {view: "actor", subject};
  }
  if (/^#\/quotes\/?$/.test(hash)) return {view: "quotes", subject: ""};
  return {view: "overview", subject: ""};
}

function readState() {
  const params = new URLSearchParams(location.search);
  const state = {sort: params.get("sort") || "-date", offset: whole(params.get("offset")),
                 article: params.get("article"), q: params.get("q") || "", words: params.get("words") || "",
                 qoffset: whole(params.get("qoffset")), ...route(location.hash)};
  for (const name of FILTERS) state[name] = params.get(name) || "";
  for (const name of FLAGS) state[name] = params.get(name) === "1";
  return state;
}

function routeHash(state) {
  if (state.view === "actor" && state.subject) return "#/actor/" + encodeURIComponent(state.subject);
  return state.view === "quotes" ? "#/quotes" : "";
}

function stateUrl(state) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (state[name]) params.set(name, state[name]);
  for (const name of FLAGS) if (state[name]) params.set(name, "1");
  if (state.sort && state.sort !== "-date") params.set("sort", state.sort);
  if (state.offset) params.set("offset", String(state.offset));
  if (state.q) params.set("q", state.q);
  if (state.words) params.set("words", state.words);
  if (state.qoffset) params.set("qoffset", String(state.qoffset));
  if (state.article) params.set("article", state.article);
  const text = params.toString();
  return location.pathname + (text ? "?" + text : "") + routeHash(state);
}

let state = readState();

function go(changes, {push = true, reload = true} = {}) {
  const before = state.view + "/" + state.subject;
  state = {...state, ...changes};
  if (push) history.pushState(null, "", stateUrl(state));
  else history.replaceState(null, "", stateUrl(state));
  handledUrl = location.href;
  stateToForm();
  const moved = before !== state.view + "/" + state.subject;
  if (moved) restore();
  if (reload) load();
  if (moved) focusView();
}

function stateToForm() {
  const form = document.getElementById("filters");
  for (const name of FILTERS) form.elements[name].value = state[name];
  for (const name of FLAGS) form.elements[name].checked = state[name];
  document.getElementById("search-q").value = state.q;
  const quoteForm = document.getElementById("quote-filters");
  for (const name of QUOTE_FIELDS) quoteForm.elements[name].value = state[name];
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
  if (field && state.view === "quotes" && QUOTE_FIELDS.includes(field)) {
    showError(`qerr-${field}`, plainWords(error, field));
    document.getElementById("quote-filters").elements[field].setAttribute("aria-invalid", "true");
    showError(section, `Nothing to show until the ${field === "actor" ? "Speaker" : LABELS[field]} filter above is fixed.`);
    return;
  }
  if (field && state.view !== "overview") {  // the filter form is not on this page: say it here
    showError(section, plainWords(error, field));
    return;
  }
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
  for (const prefix of Object.keys(coverage)) delete coverage[prefix];
  const current = () => mine === generation;
  const run = (section, request, render) => request
    .then((body) => { if (current()) render(body); })
    .catch((error) => { if (current()) reportError(section, error); });
  if (state.view === "actor") return loadActor(run, signal, current);
  if (state.view === "quotes") return loadQuotes(run, signal);
  return loadOverview(run, signal);
}

function loadOverview(run, signal) {
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
    run("map-error", Promise.all([api("/api/stats/places", {...filters, limit: MAX_PLACES}, signal),
                                  api("/api/stats/countries", filters, signal), worldShapes()]),
        ([points, counts, world]) => renderMap(points, counts, world)),
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

// The same-origin URL of this view with some state changed: the only hrefs besides checked web URLs.
function viewHref(changes) {
  return stateUrl({...state, ...changes});
}

// An article opens in the overview's reader, whatever page links to it.
function articleHref(articleId) {
  return viewHref({article: articleId, view: "overview", subject: ""});
}

function articleLink(articleId, label) {
  const link = el("a", {href: articleHref(articleId), class: "article-link"}, label);
  link.addEventListener("click", (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;  // a new tab keeps the href
    event.preventDefault();
    const elsewhere = state.view !== "overview";
    go({article: articleId, view: "overview", subject: ""}, {reload: elsewhere});
    showArticle(articleId);
  });
  return link;
}

// A link to an actor's page (a plain fragment link: the router opens it, the filters stay).
function actorHref(name) {
  return viewHref({view: "actor", subject: name, article: null});
}

function followLink(link, changes) {
  link.addEventListener("click", (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (changes.view === "actor") closeArticle();
    go(changes);
  });
  return link;
}

function viewLink(label, changes) {
  return followLink(el("a", {href: viewHref(changes)}, label), changes);
}

function actorLink(name, label, ariaLabel) {
  return followLink(el("a", {href: actorHref(name), class: "actor-link", "aria-label": ariaLabel || null}, label),
                    {view: "actor", subject: name, article: null});
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
  const line = el("div", {class: "muted"});
  if (code && name && code !== name) line.appendChild(document.createTextNode(code + " "));
  if (value) line.appendChild(actorLink(value, "page", `${name || code}: actor page`));
  cell.appendChild(line);
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
  if (!mentions) noteCoverage("chart", {total: page.total});
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
      el("td", {}, code), el("td", {class: "num"}, number(row.events)), el("td", {class: "num"}, number(row.quotes)),
      el("td", {}, actorLink(row.id, "page", `${row.name}: actor page`))));
  }
  if (!rows.length) body.appendChild(el("tr", {}, el("td", {colspan: 5, class: "muted"}, "No actors.")));
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
// What a chart leaves out, once both the chart and the matching events' total have arrived: events dated less
// precisely than its period (a year, for a monthly chart) or not at all.
const coverage = {};

function noteCoverage(prefix, part) {
  const c = coverage[prefix] = {...(coverage[prefix] || {}), ...part};
  let text = c.base || "";
  if (c.charted !== undefined && c.total !== undefined && !c.truncated && c.total > c.charted) {
    text += ` ${number(c.total - c.charted)} of the ${number(c.total)} events are not in the chart: dated less ` +
            `precisely than a ${c.bucket}, or undated.`;
  }
  document.getElementById(`${prefix}-note`).textContent = text;
}

// ``prefix`` names the chart's elements: the overview's "chart", the actor page's "actor-chart".
function renderChart(counts, prefix = "chart") {
  const rows = counts.rows;
  const box = clear(document.getElementById(prefix));
  const bucket = counts.bucket;
  noteCoverage(prefix, {base: rows.length
    ? `Events per ${bucket}${counts.truncated ? " (latest periods only)" : ""}; choose a bar to see its period.` : "",
    charted: rows.reduce((sum, r) => sum + r.events, 0), truncated: counts.truncated, bucket});
  renderChartTable(rows, bucket, prefix);
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
                            "aria-labelledby": `${prefix}-title`});
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

function renderChartTable(rows, bucket, prefix) {
  const body = clear(document.querySelector(`#${prefix}-table tbody`));
  for (const r of rows) {
    body.appendChild(el("tr", {}, el("td", {}, filterButton(r.label, periodFilter(r.date, bucket), "show this period")),
      el("td", {}, r.type), el("td", {class: "num"}, number(r.events)), el("td", {class: "num"}, number(r.mentions))));
  }
}

// --- the map: Natural Earth 110m country shapes (world-atlas, shipped in /static/vendor) -------------------
// Equirectangular: longitude → x, latitude → y. Shapes are shaded by the events involving each country (the
// count the country filter gives); dots are located places. A country or dot filters the view to its country.

const MAP_TOP = 84, MAP_BOTTOM = -58;  // latitudes shown (Antarctica is left out)
const ANTARCTICA = "010";
let worldPromise = null;

async function json(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

// The country shapes as SVG paths with their ISO3 codes, decoded once per page load.
function worldShapes() {
  if (!worldPromise) {
    worldPromise = Promise.all([json("/static/vendor/world-atlas/countries-110m.json"), json("/static/country-ids.json")])
      .then(([topology, ids]) => countryShapes(topology, ids))
      .catch(() => {
        worldPromise = null;
        throw new ApiError("Could not load the country shapes of the map; the table below still lists every country.");
      });
  }
  return worldPromise;
}

// One path per country. A ring crossing the antimeridian (Russia, Fiji) is unwrapped into one continuous ring and
// drawn again 360° over, so that the map's edge cuts it instead of a line across the world.
function countryShapes(topology, ids) {
  const shapes = [];
  for (const feature of topojson.feature(topology, topology.objects.countries).features) {
    if (feature.id === ANTARCTICA) continue;
    const name = feature.properties.name;
    const code = ids.by_id[feature.id] || ids.by_name[name] || null;
    const polygons = feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const parts = [];
    let west = 0, east = 0;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        let shift = 0, previous = null;
        const points = ring.map(([lon, lat]) => {
          if (previous !== null && Math.abs(lon + shift - previous) > 180) shift += previous > lon + shift ? 360 : -360;
          previous = lon + shift;
          west = Math.min(west, previous);
          east = Math.max(east, previous);
          return [previous + 180, MAP_TOP - lat];
        });
        parts.push(points);
      }
    }
    const path = (offset) => parts.map((points) => "M" + points.map(([x, y]) =>
      `${(x + offset).toFixed(1)},${y.toFixed(1)}`).join("L") + "Z").join("");
    let d = path(0);
    if (west < -180) d += path(360);
    if (east > 180) d += path(-360);
    shapes.push({code, name, d});
  }
  return shapes;
}

// Shading classes on a logarithmic scale up to the largest count: class 0 is no event.
function shadeClasses(max) {
  const bounds = [];
  for (let k = 1; k <= 5; k++) bounds.push(Math.max(1, Math.round(Math.pow(max, k / 5))));  // the last is max
  return bounds.filter((b, i) => i === 0 || b > bounds[i - 1]);
}

function shadeOf(events, bounds) {
  if (!events) return 0;
  const index = bounds.findIndex((b) => events <= b);
  if (bounds.length === 1) return 5;  // every country with events has the same count: the strongest shade
  return 1 + Math.round((index < 0 ? bounds.length - 1 : index) * 4 / (bounds.length - 1));
}

function chosenCountry(code, name) {
  const chosen = (state.country || "").toLowerCase();
  return !!chosen && (chosen === (code || "").toLowerCase() || chosen === (name || "").toLowerCase());
}

function renderMap(points, counts, shapes) {
  const box = clear(document.getElementById("map"));
  const height = MAP_TOP - MAP_BOTTOM;
  const byCode = new Map(counts.map((c) => [c.country, c]));
  const max = Math.max(1, ...counts.map((c) => c.events));
  const bounds = shadeClasses(max);
  const map = svg("svg", {viewBox: `0 0 360 ${height}`, role: "img", class: "map-svg", "aria-labelledby": "map-title"});
  map.appendChild(svg("title", {}, "events by country and place (the tables below list them)"));
  map.appendChild(svg("rect", {x: 0, y: 0, width: 360, height, class: "sea"}));
  for (const shape of shapes) {
    const count = byCode.get(shape.code);
    const events = count ? count.events : 0;
    const path = svg("path", {d: shape.d, class: `country c${shadeOf(events, bounds)}` +
                              (chosenCountry(shape.code, shape.name) ? " selected" : ""),
                              "data-country": shape.code || ""});
    path.appendChild(svg("title", {}, `${count ? count.name : shape.name}: ${number(events)} events`));
    if (shape.code) path.addEventListener("click", () => go({country: shape.code, offset: 0}));
    map.appendChild(path);
  }
  const most = Math.max(1, ...points.map((p) => p.events));
  for (const p of points) {
    if (p.lat === null || p.lon === null || p.lat < MAP_BOTTOM) continue;
    const dot = svg("circle", {cx: (p.lon + 180).toFixed(2), cy: (MAP_TOP - p.lat).toFixed(2),
                               r: (0.8 + 3.2 * Math.sqrt(p.events / most)).toFixed(2), class: "dot"});
    dot.appendChild(svg("title", {}, `${p.name || p.country}: ${number(p.events)} events`));
    if (p.country) dot.addEventListener("click", () => go({country: p.country, offset: 0}));
    map.appendChild(dot);
  }
  box.appendChild(map);
  document.getElementById("map-note").textContent = counts.length
    ? `Shading: events involving each country (as actor, recipient or place); dots: the ${number(points.length)} ` +
      "places with located events. Choose a country or a dot to filter by its country."
    : "No events involve a known country.";
  renderMapLegend(bounds);
  const countryBody = clear(document.querySelector("#countries-table tbody"));
  for (const c of counts) {
    countryBody.appendChild(el("tr", {}, el("td", {}, filterButton(c.name, {country: c.country}, "show only events involving this country")),
      el("td", {}, c.country), el("td", {class: "num"}, number(c.events))));
  }
  const body = clear(document.querySelector("#places-table tbody"));
  for (const p of points) {
    body.appendChild(el("tr", {}, el("td", {}, p.name || ""),
      el("td", {}, p.country ? filterButton(p.country, {country: p.country}, "show only events involving this country") : ""),
      el("td", {class: "num"}, number(p.events))));
  }
}

function renderMapLegend(bounds) {
  const legend = clear(document.getElementById("map-legend"));
  const item = (shade, label) => legend.appendChild(el("span", {class: "legend-item"}, el("span", {class: `swatch c${shade}`}), label));
  item(0, "none");
  let low = 1;
  for (const bound of bounds) {
    item(shadeOf(bound, bounds), low === bound ? number(bound) : `${number(low)}–${number(bound)}`);
    low = bound + 1;
  }
}

// --- the actor page: #/actor/<name or code> ------------------------------------------------------------

const ACTOR_EVENTS = 10, ACTOR_QUOTES = 5;
let actorPages = {subject: null, events: 0, by: 0, about: 0};  // page offsets within the actor page

function actorEventParams(party) {
  const params = {party, since: state.since, until: state.until};
  if (!state.historical) params.historical = "false";
  return params;
}

async function loadActor(run, signal, current) {
  if (actorPages.subject !== state.subject) actorPages = {subject: state.subject, events: 0, by: 0, about: 0};
  let profile;
  try {
    profile = await api("/api/actors/" + encodeURIComponent(state.subject), {}, signal);
  } catch (error) {
    if (!current() || error.name === "AbortError") return;
    document.getElementById("actor-name").textContent = state.subject;
    document.title = `${state.subject} · tidings`;
    for (const id of ["actor-meta", "actor-scope", "actor-links", "actor-chart", "network"]) clear(document.getElementById(id));
    for (const id of ["actor-chart-table", "counterparts", "actor-events"]) clear(document.querySelector(`#${id} tbody`));
    for (const id of ["quotes-by", "quotes-about"]) clear(document.getElementById(id));
    showError("actor-error", error.status === 404
      ? `tidings knows no actor, country or actor code called “${state.subject}”. Try a name from the top actors table.`
      : error.message);
    return;
  }
  if (!current()) return;
  renderProfile(profile);
  const events = actorEventParams(profile.filter);
  return Promise.all([
    run("actor-chart-error", api("/api/stats/daily", events, signal), (body) => renderChart(body, "actor-chart")),
    run("network-error", api("/api/stats/counterparts", {...events, limit: 16}, signal), (rows) => renderNetwork(profile, rows)),
    loadActorEvents(run, signal, profile),
    loadActorQuotes(run, signal, profile, "by"),
    loadActorQuotes(run, signal, profile, "about"),
  ]);
}

function renderProfile(profile) {
  document.getElementById("actor-name").textContent = profile.name;
  document.title = `${profile.name} · tidings`;
  const kind = {person: "person", organization: "organisation", country: "country", group: "group",
                code: "actor code"}[profile.kind] || profile.kind || "actor";
  const facts = [kind, profile.country && profile.kind !== "country" ? `country ${profile.country}` : null,
                 profile.sector ? `sector ${profile.sector}` : null, profile.org ? `organisation ${profile.org}` : null,
                 profile.id ? `id ${profile.id}` : null, profile.code ? `code ${profile.code}` : null];
  document.getElementById("actor-meta").textContent = facts.filter(Boolean).join(" · ") +
    ` — acts in ${number(profile.as_actor)} and receives ${number(profile.as_recipient)} of the stored events; ` +
    `speaks ${number(profile.quotes)} quotes.`;
  const scope = [state.since ? `since ${state.since}` : null, state.until ? `until ${state.until}` : null]
    .filter(Boolean).join(" ");
  const scopeBox = clear(document.getElementById("actor-scope"));
  scopeBox.appendChild(document.createTextNode(
    `Below: ${scope ? "events " + scope : "all dates"}; background events ${state.historical ? "included" : "hidden"}. `));
  if (scope) scopeBox.appendChild(filterButton("Show all dates", {since: "", until: ""}, "clear the date filters"));
  const links = clear(document.getElementById("actor-links"));
  links.appendChild(document.createTextNode("In the events table: "));
  const overview = {view: "overview", subject: "", actor: "", recipient: "", offset: 0};
  links.appendChild(viewLink("events it acts in", {...overview, actor: profile.filter}));
  links.appendChild(document.createTextNode(" · "));
  links.appendChild(viewLink("events it receives", {...overview, recipient: profile.filter}));
  links.appendChild(document.createTextNode(" · "));
  links.appendChild(viewLink("all its quotes", {view: "quotes", subject: "", actor: profile.filter, qoffset: 0}));
}

function loadActorEvents(run, signal, profile) {
  const params = {...actorEventParams(profile.filter), limit: ACTOR_EVENTS, offset: actorPages.events};
  return run("actor-events-error", api("/api/events", params, signal), renderActorEvents);
}

function renderActorEvents(page) {
  const body = clear(document.querySelector("#actor-events tbody"));
  for (const row of page.items) {
    const source = el("div", {class: "muted source-line"});
    if (row.article_id) source.appendChild(articleLink(row.article_id, row.title || row.article_id));
    if (row.source) source.appendChild(document.createTextNode(` · ${row.source}`));
    const side = (name, key) => key && key !== actorPages.subject ? actorLink(key, name || key) : document.createTextNode(name || key || "–");
    body.appendChild(el("tr", {}, el("td", {class: "nowrap"}, row.date_label || "undated"),
      el("td", {}, el("span", {class: "type"}, row.type)),
      el("td", {class: "num"}, row.goldstein === null ? "" : Number(row.goldstein).toFixed(1)),
      el("td", {}, side(row.actor_name, row.actor_id || row.actor_code), " → ", side(row.recipient_name, row.recipient_id || row.recipient_code)),
      el("td", {class: "evidence-cell"}, evidence(row), source)));
  }
  if (!page.items.length) body.appendChild(el("tr", {}, el("td", {colspan: 5, class: "muted"}, "No events.")));
  pageCount("actor-events", page, "events");
  noteCoverage("actor-chart", {total: page.total});
}

// "Events 1–10 of 42" and the pager's buttons of one list.
function pageCount(prefix, page, noun) {
  const first = page.total ? page.offset + 1 : 0, last = page.offset + page.items.length;
  document.getElementById(`${prefix}-count`).textContent =
    page.total ? `${noun[0].toUpperCase() + noun.slice(1)} ${number(first)}–${number(last)} of ${number(page.total)}` : `No ${noun}.`;
  document.getElementById(`${prefix}-prev`).disabled = page.offset <= 0;
  document.getElementById(`${prefix}-next`).disabled = last >= page.total;
}

function loadActorQuotes(run, signal, profile, which) {
  const params = {limit: ACTOR_QUOTES, offset: actorPages[which], since: state.since, until: state.until,
                  [which === "by" ? "actor" : "about"]: profile.filter};
  return run(`quotes-${which}-error`, api("/api/quotes", params, signal), (page) => {
    const list = clear(document.getElementById(`quotes-${which}`));
    for (const quote of page.items) list.appendChild(quoteItem(quote, which === "about"));
    pageCount(`quotes-${which}`, page, "quotes");
  });
}

// A quote between quotation marks, unless its text brings its own.
function quoted(text) {
  const words = text || "";
  return /^["“‘']/.test(words) ? words : `“${words}”`;
}

function speakerOf(quote) {
  const name = quote.speaker_name || quote.speaker_text || "unknown speaker";
  return quote.speaker_actor_id ? actorLink(quote.speaker_actor_id, name, `${name}: actor page`) : document.createTextNode(name);
}

function quoteItem(quote, withSpeaker) {
  const item = el("li", {}, el("span", {class: "quote-text"}, quoted(quote.text)));
  const meta = el("div", {class: "muted source-line"});
  if (withSpeaker) { meta.appendChild(speakerOf(quote)); meta.appendChild(document.createTextNode(" · ")); }
  meta.appendChild(articleLink(quote.article_id, quote.title || quote.article_id));
  meta.appendChild(document.createTextNode([quote.source, quote.published ? quote.published.slice(0, 10) : null]
    .filter(Boolean).map((t) => ` · ${t}`).join("")));
  item.appendChild(meta);
  return item;
}

// Mean Goldstein score → colour: red for conflict, grey around 0, green for cooperation.
function goldsteinColour(score) {
  const t = Math.max(-1, Math.min(1, (score || 0) / 10));
  const mix = (a, b, f) => Math.round(a + (b - a) * f);
  const [from, to] = t < 0 ? [[134, 142, 150], [201, 42, 42]] : [[134, 142, 150], [43, 138, 62]];
  const f = Math.abs(t);
  return `rgb(${mix(from[0], to[0], f)},${mix(from[1], to[1], f)},${mix(from[2], to[2], f)})`;
}

function shortName(name) {
  return name.length > 22 ? name.slice(0, 21) + "…" : name;
}

// The actor in the centre, its counterparts on a circle: circle area by events, line width by events between
// them, line colour by their mean Goldstein score. Each counterpart is a link to its own page.
function renderNetwork(profile, rows) {
  const box = clear(document.getElementById("network"));
  const width = 700, height = 500, centre = width / 2, middle = height / 2, ring = 170;  // room for labels
  const max = Math.max(1, ...rows.map((r) => r.events));
  const graph = svg("svg", {viewBox: `0 0 ${width} ${height}`, class: "network-svg", role: "group",
                            "aria-labelledby": "network-title"});
  const nodes = rows.map((row, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, rows.length);
    return {row, x: centre + ring * Math.cos(angle), y: middle + ring * Math.sin(angle), angle,
            r: 6 + 16 * Math.sqrt(row.events / max)};
  });
  for (const node of nodes) {
    graph.appendChild(svg("line", {x1: centre, y1: middle, x2: node.x.toFixed(1), y2: node.y.toFixed(1), class: "edge",
                                   stroke: goldsteinColour(node.row.goldstein),
                                   "stroke-width": (1 + 9 * node.row.events / max).toFixed(1)}));
  }
  const centreNode = svg("g", {class: "node center"});
  centreNode.appendChild(svg("circle", {cx: centre, cy: middle, r: 24}));
  centreNode.appendChild(svg("text", {x: centre, y: middle + 40, "text-anchor": "middle"}, shortName(profile.name)));
  graph.appendChild(centreNode);
  for (const node of nodes) {
    const {row} = node;
    const label = `${row.name}: ${number(row.events)} events` +
      (row.goldstein === null ? "" : `, mean Goldstein ${Number(row.goldstein).toFixed(1)}`);
    const link = svg("a", {href: actorHref(row.key), "aria-label": label});
    followLink(link, {view: "actor", subject: row.key, article: null});
    link.appendChild(svg("title", {}, label));
    link.appendChild(svg("circle", {cx: node.x.toFixed(1), cy: node.y.toFixed(1), r: node.r.toFixed(1),
                                    fill: goldsteinColour(row.goldstein)}));
    const outside = Math.cos(node.angle) >= 0;
    link.appendChild(svg("text", {x: (node.x + (node.r + 4) * (outside ? 1 : -1)).toFixed(1), y: (node.y + 4).toFixed(1),
                                  "text-anchor": outside ? "start" : "end"}, shortName(row.name)));
    const group = svg("g", {class: "node"});
    group.appendChild(link);
    graph.appendChild(group);
  }
  box.appendChild(graph);
  if (!rows.length) box.appendChild(el("p", {class: "muted"}, "No counterparts in these events."));
  const body = clear(document.querySelector("#counterparts tbody"));
  for (const row of rows) {
    body.appendChild(el("tr", {}, el("td", {}, actorLink(row.key, row.name)), el("td", {class: "num"}, number(row.events)),
      el("td", {class: "num"}, number(row.as_recipient)), el("td", {class: "num"}, number(row.as_actor)),
      el("td", {class: "num"}, row.goldstein === null ? "" : Number(row.goldstein).toFixed(1))));
  }
  if (!rows.length) body.appendChild(el("tr", {}, el("td", {colspan: 5, class: "muted"}, "No counterparts.")));
}

// --- the quotes view: #/quotes -------------------------------------------------------------------------

function loadQuotes(run, signal) {
  const params = {actor: state.actor, country: state.country, since: state.since, until: state.until, q: state.words,
                  limit: QUOTE_PAGE, offset: state.qoffset};
  return run("quotes-error", api("/api/quotes", params, signal), renderQuotes);
}

function renderQuotes(page) {
  const body = clear(document.querySelector("#quotes tbody"));
  for (const quote of page.items) {
    body.appendChild(el("tr", {}, el("td", {class: "quote-cell"}, quoted(quote.text),
                                      el("div", {class: "muted"}, quote.cue ? `${quote.kind || "quote"}, ${quote.cue}` : quote.kind || "")),
      el("td", {}, speakerOf(quote), quote.speaker_country ? el("div", {class: "muted"}, quote.speaker_country) : null),
      el("td", {}, articleLink(quote.article_id, quote.title || quote.article_id),
         quote.source ? el("div", {class: "muted"}, quote.source) : null),
      el("td", {class: "nowrap"}, quote.published ? quote.published.slice(0, 10) : "")));
  }
  if (!page.items.length) body.appendChild(el("tr", {}, el("td", {colspan: 4, class: "muted"}, "No quotes match these filters.")));
  pageCount("quotes", page, "quotes");
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

// Show the page the state names (overview, an actor, the quotes) and the article it opens, if any.
function restore() {
  stateToForm();
  for (const view of ["overview", "actor", "quotes"]) document.getElementById(`view-${view}`).hidden = state.view !== view;
  document.getElementById("filters").hidden = state.view !== "overview";
  for (const link of document.querySelectorAll(".view-link")) link.removeAttribute("aria-current");
  const current = document.getElementById(state.view === "quotes" ? "nav-quotes" : "nav-overview");
  if (state.view !== "actor") current.setAttribute("aria-current", "page");
  if (state.view !== "actor") document.title = state.view === "quotes" ? "Quotes · tidings" : "tidings";
  if (state.article && state.view === "overview") showArticle(state.article);
  else closeArticle();
}

// Back, forward, a fragment link (#/quotes, #/actor/NATO) or an edited URL: show what the URL now says.
function followUrl() {
  if (location.href === handledUrl) return;
  handledUrl = location.href;
  if (location.hash && !location.hash.startsWith("#/")) return;  // an in-page anchor, not a page
  const before = state.view + "/" + state.subject;
  state = readState();
  restore();
  load();
  if (before !== state.view + "/" + state.subject) focusView();
}

// After a change of page, the keyboard and screen reader start at its heading.
function focusView() {
  const heading = {overview: null, actor: "actor-name", quotes: "quotes-title"}[state.view];
  if (heading) document.getElementById(heading).focus({preventScroll: false});
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
  const quoteForm = document.getElementById("quote-filters");
  quoteForm.addEventListener("submit", (event) => {
    event.preventDefault();
    go({...Object.fromEntries(QUOTE_FIELDS.map((n) => [n, quoteForm.elements[n].value.trim()])), qoffset: 0});
  });
  quoteForm.addEventListener("reset", (event) => {
    event.preventDefault();
    go({...Object.fromEntries(QUOTE_FIELDS.map((n) => [n, ""])), qoffset: 0});
  });
  document.getElementById("quotes-prev").addEventListener("click", () => go({qoffset: Math.max(0, state.qoffset - QUOTE_PAGE)}));
  document.getElementById("quotes-next").addEventListener("click", () => go({qoffset: state.qoffset + QUOTE_PAGE}));
  const actorPager = (prefix, key, step) => {
    document.getElementById(`${prefix}-prev`).addEventListener("click", () => { actorPages[key] = Math.max(0, actorPages[key] - step); load(); });
    document.getElementById(`${prefix}-next`).addEventListener("click", () => { actorPages[key] += step; load(); });
  };
  actorPager("actor-events", "events", ACTOR_EVENTS);
  actorPager("quotes-by", "by", ACTOR_QUOTES);
  actorPager("quotes-about", "about", ACTOR_QUOTES);
  for (const link of document.querySelectorAll(".view-link")) {
    const view = link.id === "nav-quotes" ? "quotes" : "overview";
    link.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      go({view, subject: "", article: null});
    });
  }
  document.querySelector(".skip-link").addEventListener("click", (event) => {
    event.preventDefault();  // the fragment names the page: focus the content without changing it
    document.getElementById("content").focus();
  });
  window.addEventListener("popstate", followUrl);
  window.addEventListener("hashchange", followUrl);
  handledUrl = location.href;
  loadSummary();
  restore();
  load();
});
