"use strict";
// The Models page: every model with its measured latency, its card, the per-browser choice,
// and a side-by-side comparison (card metrics, and per-class F1 on the MNIST test set).

const rows = document.getElementById("model-rows");
const modelsStatus = document.getElementById("models-status");
const cardPanel = document.getElementById("model-card");
const comparePanel = document.getElementById("compare");
const f1Panel = document.getElementById("f1");
const compared = new Set();
const details = new Map();
let active = null;

const shortName = (name) => name.replace(/\.safetensors$/, "");
const escapeHTML = (text) => String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

async function detailsOf(name) {
  if (!details.has(name)) details.set(name, Digits.api(`/api/models/${encodeURIComponent(name)}`));
  return details.get(name);
}

// A link such as /models#compare=a.safetensors,b.safetensors&card=a.safetensors opens the
// page with those models compared and that card shown; the hash follows the ticks.
function restoreFromLink(made) {
  const link = new URLSearchParams(location.hash.slice(1));
  const wanted = (link.get("compare") || "").split(",");
  for (const { model, tr } of made) {
    const box = tr.querySelector("input");
    if (wanted.includes(model.name) && !box.disabled) { box.checked = true; compared.add(model.name); }
  }
  if (compared.size) compare();
  if (link.get("card")) showCard(link.get("card"));
}

function updateLink() {
  history.replaceState(null, "", compared.size ? `#compare=${[...compared].join(",")}` : location.pathname);
}

function row(model) {
  const tr = document.createElement("tr");
  tr.dataset.name = model.name;
  const pick = document.createElement("input");
  pick.type = "checkbox";
  pick.disabled = !!model.error;
  pick.setAttribute("aria-label", `Compare ${shortName(model.name)}`);
  pick.addEventListener("change", () => { pick.checked ? compared.add(model.name) : compared.delete(model.name); updateLink(); compare(); });
  const pickCell = document.createElement("td");
  pickCell.appendChild(pick);
  const latency = cell(model.error ? "–" : "measuring…", "number muted");
  const actions = document.createElement("td");
  actions.className = "actions";
  const use = document.createElement("button");
  use.type = "button";
  use.textContent = model.name === active ? "In use" : "Use";
  use.disabled = !!model.error || model.name === active;
  use.addEventListener("click", () => choose(model.name));
  const show = document.createElement("button");
  show.type = "button";
  show.textContent = "Card";
  show.disabled = !!model.error;
  show.setAttribute("aria-label", `Show the card of ${shortName(model.name)}`);
  show.addEventListener("click", () => showCard(model.name));
  actions.append(use, show);
  tr.append(pickCell, cell(shortName(model.name)), cell(model.error ? "unreadable" : model.kind),
            cell(Digits.percent(model.test_accuracy, 2), "number"), cell(Digits.size(model.bytes), "number"), latency, actions);
  if (model.error) tr.title = model.error;
  return { tr, latency };
}

async function load() {
  try {
    const list = await Digits.api("/api/models");
    active = list.active;
    const made = list.models.map((model) => ({ model, ...row(model) }));
    rows.replaceChildren(...made.map((entry) => entry.tr));
    restoreFromLink(made);
    // One at a time: each measurement occupies a core, and they would slow each other down.
    for (const { model, latency } of made) {
      if (model.error) continue;
      try {
        const measured = await Digits.api(`/api/models/${encodeURIComponent(model.name)}/latency`);
        latency.textContent = `${measured.latency_ms.toFixed(2)} ms`;
        details.delete(model.name);  // its details now carry the latency
        latency.classList.remove("muted");
      } catch (error) {
        latency.textContent = "failed";
        latency.title = error.message;
      }
    }
    if (compared.size > 1) compareTable([...compared]);
  } catch (error) {
    modelsStatus.textContent = `Could not list the models: ${error.message}`;
    modelsStatus.classList.add("error");
  }
}

function markActive(name) {
  active = name;
  for (const tr of rows.children) {
    const use = tr.querySelector(".actions button");
    use.textContent = tr.dataset.name === name ? "In use" : "Use";
    use.disabled = tr.dataset.name === name || tr.querySelector("input").disabled;
  }
}

async function choose(name) {
  try {
    await Digits.api("/api/session/model", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name }) });
    markActive(name);
    Digits.reloadModels();
    modelsStatus.classList.remove("error");
    modelsStatus.textContent = `This browser now uses ${shortName(name)}.`;
  } catch (error) {
    modelsStatus.textContent = `Could not choose ${shortName(name)}: ${error.message}`;
    modelsStatus.classList.add("error");
  }
}

function definitionList(entries) {
  return `<dl>${entries.map(([key, value]) => `<dt>${escapeHTML(key)}</dt><dd>${escapeHTML(value)}</dd>`).join("")}</dl>`;
}

function format(value) {
  if (typeof value === "number") return Number.isInteger(value) ? `${value}` : value.toPrecision(4);
  return typeof value === "object" ? JSON.stringify(value) : `${value}`;
}

async function showCard(name) {
  cardPanel.innerHTML = `<p class="muted">Loading ${escapeHTML(shortName(name))}…</p>`;
  try {
    const { card, bytes, latency_ms: latency, first_seen: firstSeen } = await detailsOf(name);
    const training = card.training;
    const sections = [
      ["Model", definitionList([["file", name], ["kind", card.kind], ["classifier", card.classifier], ["size", Digits.size(bytes)],
        ["latency", latency == null ? "not measured" : `${latency.toFixed(2)} ms`], ["created", card.createdAt],
        ["first seen here", firstSeen || "–"], ["software", card.software]])],
      ["Parameters", definitionList(Object.entries(card.parameters || {}).map(([k, v]) => [k, format(v)]))],
      ["Transforms", definitionList((card.transforms || []).map((t) => [t.kind, format(t.configuration)]))],
      ["Training", training ? definitionList([["images", training.trainingSamples], ["split", training.split], ["seed", training.seed],
        ["fit time", `${training.fitSeconds.toFixed(1)} s`], ["data", training.dataFingerprint]]) : "<p class=\"muted\">not recorded</p>"],
      ["Metrics", definitionList(Object.entries(card.metrics || {}).map(([k, v]) => [k.replace(/_/g, " "), k.includes("accuracy") ? Digits.percent(v, 2) : format(v)]))],
    ];
    cardPanel.innerHTML = sections.map(([title, body]) => `<div><h3>${title}</h3>${body}</div>`).join("");
  } catch (error) {
    cardPanel.innerHTML = `<p class="error">Could not read the card: ${escapeHTML(error.message)}</p>`;
  }
}

async function compare() {
  const names = [...compared];
  if (names.length < 2) {
    comparePanel.innerHTML = "<p class=\"muted\">Tick two or more models above.</p>";
    f1Panel.replaceChildren();
    return;
  }
  await compareTable(names);
  showF1(names);
}

// The side-by-side table; drawn again once the latencies are measured.
async function compareTable(names) {
  try {
    const all = await Promise.all(names.map(detailsOf));
    const metrics = [...new Set(all.flatMap((d) => Object.keys(d.card.metrics || {})))].sort();
    const head = `<tr><th scope="col">Model</th><th scope="col">Kind</th>${metrics.map((m) => `<th scope="col" class="number">${escapeHTML(m.replace(/_/g, " "))}</th>`).join("")}<th scope="col" class="number">Size</th><th scope="col" class="number">Latency</th></tr>`;
    const body = all.map((d) => `<tr><th scope="row">${escapeHTML(shortName(d.name))}</th><td>${escapeHTML(d.card.kind)}</td>${metrics.map((m) => {
      const v = (d.card.metrics || {})[m];
      return `<td class="number">${v == null ? "–" : m.includes("accuracy") ? Digits.percent(v, 2) : escapeHTML(format(v))}</td>`;
    }).join("")}<td class="number">${Digits.size(d.bytes)}</td><td class="number">${d.latency_ms == null ? "–" : d.latency_ms.toFixed(2) + " ms"}</td></tr>`).join("");
    comparePanel.innerHTML = `<div class="table-scroll"><table class="models-table">${head}${body}</table></div>`;
  } catch (error) {
    comparePanel.innerHTML = `<p class="error">${escapeHTML(error.message)}</p>`;
  }
}

// Per-class F1 from each model's evaluation on the MNIST test set (computed once per file).
async function showF1(names) {
  f1Panel.innerHTML = "<p class=\"muted\">Per-class F1 on the MNIST test set: evaluating…</p>";
  const stillWanted = () => names.join() === [...compared].join();
  const scores = {};
  try {
    await Promise.all(names.map(async (name) => {
      const body = await Digits.whenReady(`/api/explore/models/${encodeURIComponent(name)}`, { stillWanted });
      if (body) scores[name] = body.f1;
    }));
  } catch (error) {
    f1Panel.innerHTML = `<p class="muted">Per-class F1 unavailable: ${escapeHTML(error.message)}</p>`;
    return;
  }
  if (!stillWanted()) return;
  // The bars start just below the lowest score: F1 of good models differ in the second decimal.
  const all = Object.values(scores).flat();
  const low = all.length ? Math.max(0, Math.floor((Math.min(...all) - 0.02) * 50) / 50) : 0;
  const rowsHTML = Array.from({ length: 10 }, (_, digit) => `<li><span class="digit">${digit}</span><span class="group">${names.map((name, index) => {
    const value = scores[name] ? scores[name][digit] : 0;
    return `<span class="f1-bar series-${index % 6}" style="width:${(Math.max(0, value - low) / (1 - low) * 100).toFixed(1)}%" title="${escapeHTML(shortName(name))}: F1 ${value.toFixed(4)}"><span class="visually-hidden">${escapeHTML(shortName(name))} ${value.toFixed(4)}</span></span>`;
  }).join("")}</span></li>`).join("");
  const legend = names.map((name, index) => `<span><span class="swatch series-${index % 6}"></span>${escapeHTML(shortName(name))}</span>`).join("");
  f1Panel.innerHTML = `<h3>Per-class F1 on the MNIST test set (bars from ${low.toFixed(2)} to 1)</h3><p class="legend">${legend}</p><ol class="f1-bars">${rowsHTML}</ol>`;
}

// The header's picker chooses too.
Digits.onModelChange(markActive);
load();
