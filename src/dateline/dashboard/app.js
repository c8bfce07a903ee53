// The dashboard reads the API's JSON routes and shows the server's PNG plots: every number
// comes from dateline.analytics through the API, none is computed here.
"use strict";

const $ = (id) => document.getElementById(id);

function scopeQuery() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData($("scope"))) {
    if (value) params.set(key, value);
  }
  return params;
}

async function getJSON(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail ? JSON.stringify(body.detail) : response.statusText);
  return body;
}

function fill(table, rows) {
  const body = $(table).querySelector("tbody");
  body.replaceChildren();
  for (const values of rows) {
    const tr = document.createElement("tr");
    for (const value of values) {
      const td = document.createElement("td");
      if (value && value.sentence) { td.className = "sentence"; td.textContent = value.sentence; }
      else td.textContent = value ?? "";
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
}

function showError(err) {
  $("error").hidden = false;
  $("error").textContent = String(err.message || err);
}

async function loadCounts() {
  const s = await getJSON("summary");
  $("counts").replaceChildren(...["articles", "stories", "events", "incidents", "failures"].map((k) => {
    const span = document.createElement("span");
    span.innerHTML = `<b></b> ${k}`;
    span.querySelector("b").textContent = s[k];
    return span;
  }));
}

async function loadScope() {
  $("error").hidden = true;
  const query = scopeQuery();
  const suffix = query.toString() ? `?${query}` : "";
  $("plot-types").src = `plots/types_per_day.png${suffix}`;
  $("plot-escalation").src = `plots/escalation.png${suffix}`;
  $("plot-network").src = `plots/network.png${suffix}`;
  $("report-link").href = `report${suffix}`;
  const network = await getJSON(`network?${query}&limit=10`);
  fill("dyads", network.edges.map((e) => [e.source, e.target, e.incidents, e.goldstein.toFixed(1)]));
  query.set("limit", "20");
  const incidents = await getJSON(`incidents?${query}`);
  fill("incidents", incidents.items.map((i) => [
    i.earliest ?? "undated", i.type,
    [i.source_name, i.target_name].filter(Boolean).join(" → "),
    i.place_name, i.reports, { sentence: i.sentence },
  ]));
}

async function loadActors() {
  const actors = await getJSON("actors?limit=10");
  fill("actors", actors.items.map((a) => [a.name, a.type, a.articles, a.mentions]));
}

function showReading(reading) {
  const names = Object.fromEntries(reading.actors.map((a) => [a.id, a.name]));
  const list = document.createElement("dl");
  list.className = "reading";
  const add = (term, text) => {
    const dt = document.createElement("dt"); dt.textContent = term;
    const dd = document.createElement("dd"); dd.textContent = text;
    list.append(dt, dd);
  };
  const article = reading.article || {};
  add("headline", article.headline || "(none)");
  add("published", article.published ? `${article.published.earliest ?? "?"} to ${article.published.latest ?? "?"}` : "unknown");
  add("actors", reading.actors.map((a) => `${a.name} (${a.type})`).join(", ") || "none");
  for (const e of reading.events) {
    const who = [names[e.source], names[e.target]].filter(Boolean).join(" → ");
    add(`${e.type} ${who}`, e.evidence.text);
  }
  const raw = document.createElement("details");
  raw.innerHTML = "<summary>reading JSON</summary><pre></pre>";
  raw.querySelector("pre").textContent = JSON.stringify(reading, null, 1);
  $("reading").replaceChildren(list, raw);
}

async function readArticle(event) {
  event.preventDefault();
  const form = new FormData($("read"));
  $("reading").textContent = "reading…";
  const response = await fetch("read", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ [form.get("kind")]: form.get("content") }),
  });
  const body = await response.json();
  if (!response.ok) { $("reading").textContent = `not read: ${JSON.stringify(body.detail)}`; return; }
  showReading(body);
}

$("scope").addEventListener("submit", (event) => { event.preventDefault(); loadScope().catch(showError); });
$("read").addEventListener("submit", (event) => readArticle(event).catch(showError));
loadCounts().catch(showError);
loadActors().catch(showError);
loadScope().catch(showError);
