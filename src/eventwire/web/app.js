// eventwire web UI: map, timeline, filters, event table, article, event and incident views.
// Article data is only ever put in the page as text (textContent / text nodes); no
// innerHTML is used anywhere in this file.
"use strict";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "REJECT", "ACCUSE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const PAGE = 5000;
const state = { events: [], total: 0, selected: null, map: null, cluster: null, vocab: null };
const FIELD_LABELS = { type: "Type", mode: "Mode", acled: "ACLED", actors: "Actors", recipients: "Recipients",
  location: "Place", date: "Date", fatalities: "Killed", injured: "Injured", arrested: "Arrested",
  modality: "Modality", evidence: "Evidence" };

// What a review may set (types, modes per type, modalities, ACLED types): from the server.
function vocabulary() {
  if (!state.vocab) state.vocab = api("/api/vocabulary").catch((err) => { state.vocab = null; throw err; });
  return state.vocab;
}

// -- small helpers -------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

// Only http(s) links become links; anything else (javascript:, data:) stays text.
function safeLink(url, label) {
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    return el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, label || url);
  }
  return url ? el("span", { class: "muted" }, label || url) : null;
}

function typeBadge(type) { return el("span", { class: `type t-${TYPES.includes(type) ? type : "X"}` }, type || "?"); }
function badge(text, cls) { return el("span", { class: `badge ${cls || text || ""}` }, text || ""); }
function dateOf(ev) { return (ev.date && ev.date.value) || ev.event_date || ""; }
function names(list) { return (list || []).filter(Boolean).join(", "); }
function place(ev) {
  const loc = ev.location;
  return loc ? [loc.name, loc.country].filter(Boolean).join(", ") : "";
}

async function api(path, options) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const err = (body && body.error) || { code: String(response.status), message: response.statusText };
    throw Object.assign(new Error(err.message), { code: err.code, status: response.status });
  }
  return body;
}

// -- filters ---------------------------------------------------------------------------

const form = document.getElementById("filters");

function filterParams() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form).entries()) {
    if (String(value).trim()) params.set(key, String(value).trim());
  }
  return params;
}

function setupFilters() {
  const select = form.elements.type;
  for (const t of TYPES) select.append(el("option", {}, t));
  form.addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  form.addEventListener("change", () => refresh());
  form.addEventListener("reset", () => setTimeout(refresh, 0));
  api("/api/places?limit=500").then((data) => {
    const countries = [...new Set(data.items.map((p) => p.country).filter(Boolean))].sort();
    const list = document.getElementById("countries");
    for (const c of countries) list.append(el("option", { value: c }));
  }).catch(() => {});
  api("/api/actors?limit=300").then((data) => {
    const list = document.getElementById("actors");
    for (const a of data.items) if (a.name) list.append(el("option", { value: a.name }));
  }).catch(() => {});
}

// -- loading ---------------------------------------------------------------------------

let loadSeq = 0;
async function refresh() {
  const seq = ++loadSeq;
  const params = filterParams();
  params.set("limit", String(PAGE));
  const countNode = document.getElementById("count");
  countNode.textContent = "loading…";
  try {
    const data = await api(`/api/events?${params}`);
    if (seq !== loadSeq) return;
    state.events = data.items;
    state.total = data.total;
    countNode.textContent = data.total > data.items.length
      ? `${data.items.length} of ${data.total} shown` : `${data.total} events`;
    countNode.classList.remove("error");
  } catch (err) {
    if (seq !== loadSeq) return;
    state.events = [];
    countNode.textContent = `Error: ${err.message}`;
    countNode.classList.add("error");
  }
  const exportParams = filterParams();
  for (const [id, fmt] of [["export", "csv"], ["export-geojson", "geojson"], ["export-acled", "acled"]]) {
    exportParams.set("format", fmt);
    document.getElementById(id).setAttribute("href", `/api/export/events?${exportParams}`);
  }
  drawMap();
  drawTimeline();
  drawTable();
}

async function loadStats() {
  try {
    const s = await api("/api/stats");
    document.getElementById("stats").textContent =
      `${s.articles} articles · ${s.events} events · ${s.incidents} incidents` +
      (s.writes_enabled ? "" : " · writes disabled on this server");
  } catch (e) { /* the stats line is optional */ }
}

// -- map -------------------------------------------------------------------------------

function setupMap() {
  const node = document.getElementById("map");
  const legend = document.getElementById("legend");
  for (const t of TYPES) legend.append(el("span", { class: `t-${t}` }, t));
  if (!window.L) {
    node.append(el("p", { class: "fallback muted" },
      "Map library not installed: run scripts/ui-assets.sh (installs Leaflet and country outlines from npm)."));
    return;
  }
  const map = L.map(node, { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5 });
  map.setView([20, 20], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Country outlines: Natural Earth via world-atlas");
  state.map = map;
  fetch("vendor/world-atlas/countries-110m.json").then((r) => r.json()).then((topo) => {
    if (!window.topojson) return;
    const land = topojson.feature(topo, topo.objects.countries);
    const layer = L.geoJSON(land, { style: { className: "country", weight: 0.6, color: "#8a99ab", fillColor: "#f7f5ef", fillOpacity: 1 },
                                    interactive: false });
    layer.addTo(map);
    layer.bringToBack();
  }).catch(() => {});
  state.cluster = L.markerClusterGroup ? L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false })
                                       : L.layerGroup();
  state.cluster.addTo(map);
}

function drawMap() {
  if (!state.map) return;
  state.cluster.clearLayers();
  const points = [];
  for (const ev of state.events) {
    const loc = ev.location;
    if (!loc || typeof loc.lat !== "number" || typeof loc.lon !== "number") continue;
    const icon = L.divIcon({ className: `ev-dot t-${ev.type}`, iconSize: [14, 14] });
    const marker = L.marker([loc.lat, loc.lon], { icon, title: `${ev.type} ${place(ev)}`, keyboard: true });
    marker.on("click", () => showEvent(ev.id));
    state.cluster.addLayer(marker);
    points.push([loc.lat, loc.lon]);
  }
  if (points.length) state.map.fitBounds(points, { padding: [30, 30], maxZoom: 6 });
}

// -- timeline --------------------------------------------------------------------------

function periodOf(day, byDay) { return byDay ? day.slice(0, 10) : day.slice(0, 7); }

function drawTimeline() {
  const node = clear(document.getElementById("timeline"));
  const days = state.events.map((e) => e.event_date).filter(Boolean).sort();
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  node.append(svg);
  if (!days.length) return;
  const first = new Date(days[0]), last = new Date(days[days.length - 1]);
  const byDay = (last - first) / 86400000 <= 120;
  const periods = [];
  // every period between the first and the last, so that gaps show as gaps
  const cursor = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), byDay ? first.getUTCDate() : 1));
  while (cursor <= last && periods.length < 2000) {
    periods.push(cursor.toISOString().slice(0, byDay ? 10 : 7));
    if (byDay) cursor.setUTCDate(cursor.getUTCDate() + 1); else cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  const counts = new Map(periods.map((p) => [p, 0]));
  for (const d of days) counts.set(periodOf(d, byDay), (counts.get(periodOf(d, byDay)) || 0) + 1);
  const width = node.clientWidth || 600, height = node.clientHeight || 110, pad = 18;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const max = Math.max(...counts.values());
  const step = (width - 2 * pad) / periods.length;
  periods.forEach((p, i) => {
    const n = counts.get(p);
    const h = max ? (n / max) * (height - 2 * pad) : 0;
    const rect = document.createElementNS(NS, "rect");
    rect.setAttribute("class", "bar");
    rect.setAttribute("x", String(pad + i * step + 0.5));
    rect.setAttribute("y", String(height - pad - h));
    rect.setAttribute("width", String(Math.max(step - 1, 1)));
    rect.setAttribute("height", String(h));
    const title = document.createElementNS(NS, "title");
    title.textContent = `${p}: ${n} event${n === 1 ? "" : "s"}`;
    rect.append(title);
    rect.addEventListener("click", () => {
      form.elements.start.value = byDay ? p : `${p}-01`;
      const end = new Date(`${form.elements.start.value}T00:00:00Z`);
      if (byDay) form.elements.end.value = p;
      else { end.setUTCMonth(end.getUTCMonth() + 1); end.setUTCDate(0); form.elements.end.value = end.toISOString().slice(0, 10); }
      refresh();
    });
    svg.append(rect);
  });
  const label = (text, x, anchor) => {
    const t = document.createElementNS(NS, "text");
    t.setAttribute("x", String(x)); t.setAttribute("y", String(height - 4)); t.setAttribute("text-anchor", anchor);
    t.textContent = text; svg.append(t);
  };
  label(periods[0], pad, "start");
  if (periods.length > 1) label(periods[periods.length - 1], width - pad, "end");
  const top = document.createElementNS(NS, "text");
  top.setAttribute("x", "4"); top.setAttribute("y", "12"); top.textContent = `max ${max}/${byDay ? "day" : "month"}`;
  svg.append(top);
}

// -- table -----------------------------------------------------------------------------

function drawTable() {
  const body = clear(document.querySelector("#events tbody"));
  for (const ev of state.events) {
    const row = el("tr", { "data-id": ev.id, onclick: () => showEvent(ev.id) },
      el("td", {}, dateOf(ev)), el("td", {}, typeBadge(ev.type)), el("td", {}, names(ev.actor_names)),
      el("td", {}, names(ev.recipient_names)), el("td", {}, place(ev)), el("td", {}, ev.modality),
      el("td", {}, badge(ev.grade)), el("td", {}, badge(ev.review.status)),
      el("td", {}, ev.publisher || ev.article_id));
    if (ev.id === state.selected) row.classList.add("selected");
    body.append(row);
  }
}

// -- event view ------------------------------------------------------------------------

const panel = document.getElementById("panel");

function field(dl, label, ...value) { dl.append(el("dt", {}, label), el("dd", {}, ...value)); }

async function showEvent(id) {
  state.selected = id;
  for (const row of document.querySelectorAll("#events tbody tr")) row.classList.toggle("selected", row.dataset.id === id);
  let ev;
  try { ev = await api(`/api/events/${encodeURIComponent(id)}`); }
  catch (err) { return showError(err); }
  if (location.hash !== `#event=${id}`) history.replaceState(null, "", `#event=${encodeURIComponent(id)}`);
  clear(panel);
  panel.append(el("h2", { id: "event-title" }, typeBadge(ev.type), " ", ev.mode ? `${ev.mode} ` : "",
                  badge(ev.review.status)));
  const dl = el("dl");
  field(dl, "Date", dateOf(ev), ev.date && ev.date.granularity ? ` (${ev.date.granularity}, ${ev.date.basis})` : "");
  field(dl, "Actors", names((ev.actor_details || []).map((a) => `${a.name || a.id}${a.country ? ` (${a.country})` : ""}`)) || names(ev.actor_names));
  field(dl, "Recipients", names((ev.recipient_details || []).map((a) => `${a.name || a.id}${a.country ? ` (${a.country})` : ""}`)) || names(ev.recipient_names));
  field(dl, "Location", place(ev));
  field(dl, "Modality", ev.modality);
  if (ev.acled) field(dl, "ACLED", `${ev.acled.event_type} / ${ev.acled.sub_event_type}`);
  const tolls = [["killed", ev.fatalities], ["injured", ev.injured], ["arrested", ev.arrested]].filter(([, v]) => v !== null && v !== undefined);
  if (tolls.length) field(dl, "Toll", tolls.map(([k, v]) => `${v} ${k}`).join(", "));
  field(dl, "Confidence", ev.confidence !== null && ev.confidence !== undefined ? Number(ev.confidence).toFixed(2) : "");
  field(dl, "Article", el("button", { class: "link", type: "button", onclick: () => showArticle(ev.article_id, ev.id) },
                        ev.title || ev.article_id), " ", ev.publisher ? `(${ev.publisher})` : "");
  panel.append(dl);
  panel.append(el("h3", {}, "Evidence"));
  if (ev.evidence) panel.append(el("div", { class: "evidence", id: "evidence" }, ev.evidence.text),
                                el("div", { class: "muted" }, `characters ${ev.evidence.start}–${ev.evidence.end} of the article`));
  panel.append(el("h3", {}, "Attribution"));
  const quotes = ev.attribution_quotes || [];
  if (!quotes.length) panel.append(el("p", { class: "muted" }, "stated by the outlet itself (no attributed statement)"));
  for (const q of quotes) {
    const speaker = q.speaker || {};
    const who = speaker.name || speaker.description || (speaker.anonymous ? "unnamed source" : "unknown speaker");
    panel.append(el("div", { class: "quote" }, el("strong", {}, who), q.via ? ` via ${q.via}` : "", ` (${q.kind}): `,
                    q.content ? q.content.text : ""));
  }
  panel.append(el("h3", {}, "Incident"));
  if (ev.incident) {
    const inc = ev.incident;
    panel.append(el("p", {}, badge(inc.grade), " ",
      el("button", { class: "link", type: "button", id: "incident-link", onclick: () => showIncident(inc.id) }, `incident ${inc.id}`),
      ` · ${(inc.sources || []).length} source(s)`));
    const others = inc.events.filter((e) => e.id !== ev.id);
    if (!others.length) panel.append(el("p", { class: "muted" }, "no other report of this incident"));
    const list = el("ul");
    for (const o of others) {
      list.append(el("li", {}, el("button", { class: "link", type: "button", onclick: () => showEvent(o.id) },
        `${o.publisher || o.article_id}: ${o.type}`), " ", o.evidence ? o.evidence.text : ""));
    }
    panel.append(list);
  }
  const original = (ev.review && ev.review.original) || {};
  if (Object.keys(original).length) {
    const changed = el("dl", { id: "machine-coding" });
    for (const [key, value] of Object.entries(original)) field(changed, key, showValue(value));
    panel.append(el("h3", {}, "Machine coding of the edited fields"), changed);
  }
  if (ev.review && ev.review.note) panel.append(el("p", { class: "muted" }, `Review note: ${ev.review.note}`));
  panel.append(reviewBar(ev));
  const auditBox = el("div", { id: "audit" });
  panel.append(el("h3", {}, "Review history"), auditBox);
  api(`/api/events/${encodeURIComponent(id)}/audit`).then((data) => {
    if (!data.items.length) auditBox.append(el("p", { class: "muted" }, "not reviewed yet"));
    const list = el("ul");
    for (const a of data.items) {
      const changes = Object.entries(a.fields || {}).map(([k, v]) => `${k}: ${showValue(v.before)} → ${showValue(v.after)}`).join("; ");
      list.append(el("li", {}, `${a.at} · ${a.reviewer} · ${a.action}`, changes ? ` (${changes})` : "", a.note ? ` — ${a.note}` : ""));
    }
    auditBox.append(list);
  }).catch(() => {});
}

// A value of an edited field, as text (actors and places are objects).
function showValue(value) {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.map((v) => (v && typeof v === "object" ? v.name || v.id : v)).join("; ") || "—";
  if (typeof value === "object") {
    if ("event_type" in value) return `${value.event_type} / ${value.sub_event_type}`;
    if ("name" in value) return [value.name, value.country].filter(Boolean).join(", ");
    return JSON.stringify(value);
  }
  return String(value);
}

function options(select, values, current, blank) {
  clear(select);
  if (blank !== undefined) select.append(el("option", { value: "" }, blank));
  for (const v of values) select.append(el("option", { value: v }, v));
  if (current && !values.includes(current)) select.append(el("option", { value: current }, `${current} (not in the vocabulary)`));
  select.value = current || "";
}

function numberValue(input) { return input.value.trim() === "" ? null : Number(input.value); }
function splitNames(text) { return text.split(";").map((v) => v.trim()).filter(Boolean); }

// The review form: accept, reject, or edit any editable field; only changed fields are sent.
function reviewBar(ev) {
  const msg = el("span", { class: "msg muted", id: "review-msg" });
  const input = (id, attrs) => el("input", Object.assign({ id }, attrs || {}));
  const typeSelect = el("select", { id: "edit-type", "aria-label": "corrected type" }, TYPES.map((t) => el("option", { value: t }, t)));
  typeSelect.value = ev.type;
  const modeSelect = el("select", { id: "edit-mode", "aria-label": "mode" });
  const modalitySelect = el("select", { id: "edit-modality", "aria-label": "modality" });
  const acledType = el("select", { id: "edit-acled-type", "aria-label": "ACLED event type" });
  const acledSub = el("select", { id: "edit-acled-sub", "aria-label": "ACLED sub-event type" });
  const initial = {
    actors: (ev.actor_names || []).join("; "), recipients: (ev.recipient_names || []).join("; "),
    place: ev.location ? ev.location.name || "" : "",
    lat: ev.location && ev.location.lat !== null && ev.location.lat !== undefined ? String(ev.location.lat) : "",
    lon: ev.location && ev.location.lon !== null && ev.location.lon !== undefined ? String(ev.location.lon) : "",
    country: ev.location ? ev.location.country || "" : "",
    date: (ev.date && ev.date.value) || "",
    acledType: ev.acled ? ev.acled.event_type : "", acledSub: ev.acled ? ev.acled.sub_event_type : "",
  };
  const actors = input("edit-actors", { size: 22, list: "actors", value: initial.actors, "aria-label": "actors" });
  const recipients = input("edit-recipients", { size: 22, list: "actors", value: initial.recipients, "aria-label": "recipients" });
  const placeName = input("edit-place", { size: 14, value: initial.place, "aria-label": "place name" });
  const lat = input("edit-lat", { type: "number", step: "any", min: -90, max: 90, value: initial.lat, "aria-label": "latitude" });
  const lon = input("edit-lon", { type: "number", step: "any", min: -180, max: 180, value: initial.lon, "aria-label": "longitude" });
  const placeCountry = input("edit-place-country", { size: 4, value: initial.country, placeholder: "ISO3", "aria-label": "place country" });
  const date = input("edit-date", { size: 10, value: initial.date, placeholder: "YYYY-MM-DD", "aria-label": "date" });
  const count = (id, value, label) => {
    const node = input(id, { type: "number", min: 0, step: 1, "aria-label": label });
    if (value !== null && value !== undefined) node.value = String(value);
    return node;
  };
  const killed = count("edit-fatalities", ev.fatalities, "number killed");
  const injured = count("edit-injured", ev.injured, "number injured");
  const arrested = count("edit-arrested", ev.arrested, "number arrested");
  const note = input("review-note", { placeholder: "note", size: 30 });
  options(modalitySelect, ["asserted", "hypothetical", "future", "negated", "historical"], ev.modality);
  options(modeSelect, [], ev.mode, "(no mode)");
  options(acledType, [], initial.acledType, "(none)");
  options(acledSub, [], initial.acledSub, "(none)");
  vocabulary().then((vocab) => {
    const fillModes = () => options(modeSelect, vocab.modes[typeSelect.value] || [],
      typeSelect.value === ev.type ? ev.mode : (vocab.modes[typeSelect.value] || []).includes(modeSelect.value) ? modeSelect.value : "", "(no mode)");
    const fillSubs = () => options(acledSub, vocab.acled[acledType.value] || [],
      acledType.value === initial.acledType ? initial.acledSub : "", "(none)");
    options(acledType, Object.keys(vocab.acled), initial.acledType, "(none)");
    fillModes(); fillSubs();
    typeSelect.addEventListener("change", fillModes);
    acledType.addEventListener("change", fillSubs);
  }).catch(() => {});

  const changes = () => {
    const out = {};
    if (typeSelect.value !== ev.type) out.type = typeSelect.value;
    if ((modeSelect.value || null) !== (ev.mode || null)) out.mode = modeSelect.value || null;
    if (modalitySelect.value !== ev.modality) out.modality = modalitySelect.value;
    if (acledType.value !== initial.acledType || acledSub.value !== initial.acledSub) {
      out.acled_event_type = acledType.value || null;
      out.acled_sub_event_type = acledSub.value || null;
    }
    if (actors.value.trim() !== initial.actors) out.actors = splitNames(actors.value);
    if (recipients.value.trim() !== initial.recipients) out.recipients = splitNames(recipients.value);
    const coordsChanged = lat.value !== initial.lat || lon.value !== initial.lon || placeCountry.value.trim() !== initial.country;
    if (placeName.value.trim() !== initial.place || coordsChanged) {
      if (!placeName.value.trim()) out.location = null;
      else if (coordsChanged) {
        out.location = { name: placeName.value.trim(), lat: numberValue(lat), lon: numberValue(lon) };
        if (placeCountry.value.trim()) out.location.country = placeCountry.value.trim();
      } else out.location = { name: placeName.value.trim() };  // a known place: looked up by name
    }
    if (date.value.trim() !== initial.date) out.date = date.value.trim() || null;
    for (const [key, node] of [["fatalities", killed], ["injured", injured], ["arrested", arrested]]) {
      const value = numberValue(node);
      if (value !== (ev[key] === undefined ? null : ev[key])) out[key] = value;
    }
    return out;
  };

  const send = async (action, edits) => {
    const token = sessionStorage.getItem("eventwire.token");
    if (!token) { msg.textContent = "Enter the write token at the top first."; msg.className = "msg error"; return; }
    msg.textContent = "saving…"; msg.className = "msg muted";
    try {
      await api(`/api/events/${encodeURIComponent(ev.id)}/review`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify({ action, changes: edits, note: note.value || null,
                               reviewer: sessionStorage.getItem("eventwire.reviewer") || null }),
      });
      await refresh();
      await showEvent(ev.id);
      const done = document.getElementById("review-msg");
      if (done) { done.textContent = `saved: ${action}`; done.className = "msg"; }
    } catch (err) { msg.textContent = `Error: ${err.message}`; msg.className = "msg error"; }
  };
  const row = (label, ...nodes) => el("label", {}, el("span", {}, label), ...nodes);
  return el("div", {}, el("h3", {}, "Review"),
    el("div", { class: "review-bar" },
      el("button", { type: "button", id: "accept", onclick: () => send("accept", null) }, "Accept"),
      el("button", { type: "button", id: "reject", onclick: () => send("reject", null) }, "Reject"), msg),
    el("form", { id: "review-form", class: "review-form", onsubmit: (e) => {
      e.preventDefault();
      const edits = changes();
      if (!Object.keys(edits).length) { msg.textContent = "Change a field first."; msg.className = "msg error"; return; }
      send("edit", edits);
    } },
      row("Type", typeSelect), row("Mode", modeSelect), row("Modality", modalitySelect),
      row("ACLED type", acledType), row("ACLED sub-type", acledSub),
      row("Actors (; between)", actors), row("Recipients (; between)", recipients),
      row("Place", placeName), row("Lat", lat), row("Lon", lon), row("Country", placeCountry),
      row("Date", date), row("Killed", killed), row("Injured", injured), row("Arrested", arrested),
      row("Note", note),
      el("button", { type: "submit", id: "edit" }, "Save edit")));
}

// -- article view ----------------------------------------------------------------------

// Every span of the article, as [start, end, kind, payload].
function articleSpans(art) {
  const spans = [];
  const add = (span, kind, payload) => {
    if (span && Number.isInteger(span.start) && Number.isInteger(span.end) && span.end > span.start) spans.push([span.start, span.end, kind, payload]);
  };
  for (const a of art.actors || []) add(a.span, "actor", a);
  for (const p of art.places || []) add(p.span, "place", p);
  for (const t of art.times || []) add(t.span, "time", t);
  for (const q of art.quotes || []) add(q.content, "quote", q);
  for (const e of art.events || []) add(e.evidence, "event", e);
  return spans;
}

function describeMention(kind, item) {
  if (kind === "actor") return `actor: ${item.name || item.id}${item.country ? ` (${item.country})` : ""}${item.sector ? ` ${item.sector}` : ""}`;
  if (kind === "place") return `place: ${item.name}${item.country ? `, ${item.country}` : ""}${item.feature ? ` (${item.feature})` : ""}`;
  if (kind === "time") return `time: ${item.value} (${item.granularity})`;
  if (kind === "quote") return `quote (${item.kind}) by ${(item.speaker && (item.speaker.name || item.speaker.description)) || "unknown"}`;
  return `event: ${item.type} (${item.modality})`;
}

function renderText(text, spans, currentEvent) {
  const cuts = new Set([0, text.length]);
  for (const [s, e] of spans) { cuts.add(Math.max(0, Math.min(s, text.length))); cuts.add(Math.max(0, Math.min(e, text.length))); }
  const points = [...cuts].sort((a, b) => a - b);
  const box = el("div", { class: "article-text", id: "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const covering = spans.filter(([s, e]) => s <= a && e >= b);
    if (!covering.length) { box.append(document.createTextNode(piece)); continue; }
    const node = document.createElement("span");
    node.textContent = piece;
    const kinds = new Set(covering.map((c) => c[2]));
    for (const k of kinds) node.classList.add(`m-${k}`);
    node.title = covering.map(([, , k, p]) => describeMention(k, p)).join("\n");
    const events = covering.filter((c) => c[2] === "event").sort((x, y) => (x[1] - x[0]) - (y[1] - y[0]));
    if (events.length) {
      const ev = events[0][3];
      node.dataset.event = ev.id;
      if (ev.id === currentEvent) node.classList.add("current");
      node.addEventListener("click", () => showEvent(ev.id));
    }
    box.append(node);
  }
  return box;
}

async function showArticle(id, currentEvent) {
  let art;
  try { art = await api(`/api/articles/${encodeURIComponent(id)}`); }
  catch (err) { return showError(err); }
  history.replaceState(null, "", `#article=${encodeURIComponent(id)}`);
  clear(panel);
  panel.append(el("h2", { id: "article-title" }, art.title || art.id));
  const dl = el("dl");
  field(dl, "Outlet", art.publisher || "");
  field(dl, "Published", art.published ? `${art.published.value || "unknown"} (${art.published.basis})` : "");
  field(dl, "URL", safeLink(art.url));
  field(dl, "Found", `${(art.actors || []).length} actors, ${(art.places || []).length} places, ${(art.times || []).length} times, ${(art.quotes || []).length} quotes, ${(art.events || []).length} events`);
  panel.append(dl);
  panel.append(el("div", { class: "key" }, el("span", { class: "m-event" }, "event evidence"), el("span", { class: "m-actor" }, "actor"),
    el("span", { class: "m-place" }, "place"), el("span", { class: "m-time" }, "time"), el("span", { class: "m-quote" }, "quote")));
  panel.append(renderText(art.text || "", articleSpans(art), currentEvent));
  const current = panel.querySelector(".m-event.current");
  if (current) current.scrollIntoView({ block: "center" });
}

// -- incident view ---------------------------------------------------------------------

// One field of one report's version, as text.
function versionText(key, v) {
  const value = v[key];
  if (key === "evidence") return value ? value.text : "";
  if (key === "date") return value && value.value ? `${value.value}${value.granularity ? ` (${value.granularity})` : ""}` : "";
  if (key === "actors" || key === "recipients") return (value || []).map((p) => `${p.name || p.id}${p.country ? ` (${p.country})` : ""}`).join("; ");
  if (key === "acled") return value ? `${value.event_type} / ${value.sub_event_type}` : "";
  if (key === "location") return value ? [value.name, value.country].filter(Boolean).join(", ") : "";
  return value === null || value === undefined ? "" : String(value);
}

async function showIncident(id) {
  let inc;
  try { inc = await api(`/api/incidents/${encodeURIComponent(id)}`); }
  catch (err) { return showError(err); }
  history.replaceState(null, "", `#incident=${encodeURIComponent(id)}`);
  clear(panel);
  panel.append(el("h2", { id: "incident-title" }, "Incident ", badge(inc.grade)));
  panel.append(el("h3", {}, "Why this grade"), el("ul", {}, (inc.reasons || []).map((r) => el("li", {}, r))));
  panel.append(el("h3", {}, "Independent sources"), el("p", {}, names(inc.sources) || "none recorded"));
  const reports = inc.reports || [];
  const outlet = new Map(reports.map((r) => [r.event_id, r.outlet || r.article_id]));
  panel.append(el("h3", {}, "Where the reports disagree"));
  const summary = el("div", { id: "disagreements" });
  if (!(inc.disagreements || []).length) summary.append(el("p", { class: "muted" }, reports.length > 1 ? "the reports agree on every stated fact" : "only one report"));
  for (const d of inc.disagreements || []) {
    summary.append(el("div", { class: "disagreement", "data-field": d.field }, el("strong", {}, FIELD_LABELS[d.field] || d.field), ": ",
      d.values.flatMap((v, i) => [i ? " vs " : "", el("span", { class: "differs" }, v.value || "—"),
                                  ` (${v.reports.map((r) => outlet.get(r)).join(", ")})`])));
  }
  panel.append(summary);
  panel.append(el("h3", {}, `Each report's version (${reports.length})`));
  const box = el("div", { id: "reports" });
  for (const r of reports) {
    const differs = new Set(r.differs || []);
    const head = el("div", { class: "report-head" },
      el("strong", { class: "outlet" }, r.outlet || r.article_id), " ",
      el("button", { class: "link", type: "button", onclick: () => showArticle(r.article_id, r.event_id) }, r.title || r.article_id),
      " ", safeLink(r.url, "source"), r.published ? ` · published ${r.published}` : "", " ", badge(r.review));
    const dl = el("dl");
    for (const key of ["type", "mode", "acled", "actors", "recipients", "location", "date", "fatalities", "injured", "arrested", "modality"]) {
      const text = versionText(key, r.version);
      dl.append(el("dt", {}, FIELD_LABELS[key]),
                el("dd", { class: differs.has(key) ? "differs" : null, "data-field": key }, text || el("span", { class: "muted" }, "not stated")));
    }
    box.append(el("div", { class: `report${r.review === "rejected" ? " rejected" : ""}`, "data-event": r.event_id }, head, dl,
      el("div", { class: "evidence" }, versionText("evidence", r.version)),
      el("button", { class: "link", type: "button", onclick: () => showEvent(r.event_id) }, "open this report's event (review)")));
  }
  panel.append(box);
}

function showError(err) {
  clear(panel).append(el("p", { class: "error" }, `Error: ${err.message}`));
}

// -- token -----------------------------------------------------------------------------

function setupToken() {
  const input = document.getElementById("token");
  const reviewer = document.getElementById("reviewer");
  const stateNode = document.getElementById("token-state");
  const show = () => { stateNode.textContent = sessionStorage.getItem("eventwire.token") ? "token set for this tab" : "read-only"; };
  reviewer.value = sessionStorage.getItem("eventwire.reviewer") || "";
  reviewer.addEventListener("change", () => sessionStorage.setItem("eventwire.reviewer", reviewer.value.trim()));
  document.getElementById("token-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const value = input.value.trim();
    if (value) sessionStorage.setItem("eventwire.token", value); else sessionStorage.removeItem("eventwire.token");
    if (reviewer.value.trim()) sessionStorage.setItem("eventwire.reviewer", reviewer.value.trim());
    input.value = "";
    show();
  });
  show();
}

function route() {
  const m = /^#(event|article|incident)=(.+)$/.exec(location.hash);
  if (!m) return;
  const id = decodeURIComponent(m[2]);
  if (m[1] === "event") showEvent(id); else if (m[1] === "article") showArticle(id); else showIncident(id);
}

setupToken();
setupFilters();
setupMap();
loadStats();
refresh().then(route);
window.addEventListener("hashchange", route);
