"use strict";
// Shared by every page: the model picker in the header (this browser's choice is a cookie the
// server sets) and small helpers for calling the JSON API.

const Digits = (() => {
  const modelSelect = document.getElementById("model");
  const modelInfo = document.getElementById("model-info");
  const listeners = [];
  let models = [];

  // Calls the API and returns the decoded JSON; a failure throws an Error whose message is the
  // server's own `detail`, so pages can show it as it is.
  async function api(path, options = {}) {
    const response = await fetch(path, options);
    const type = response.headers.get("Content-Type") || "";
    const body = type.includes("json") ? await response.json() : await response.text();
    if (!response.ok) {
      const message = typeof body === "object" ? body.detail || body.error : body;
      throw new Error(message || response.statusText);
    }
    return body;
  }

  // Fetches `path` until the server stops answering 202 ("being computed, ask again"), calling
  // `onWait(seconds)` between tries; `stillWanted` ends the wait (null) for a choice the user changed.
  async function whenReady(path, { onWait = () => {}, stillWanted = () => true } = {}) {
    const started = Date.now();
    while (stillWanted()) {
      const response = await fetch(path);
      const body = await response.json();
      if (response.status !== 202) {
        if (!response.ok) throw new Error(body.detail || body.error || response.statusText);
        return body;
      }
      onWait(Math.round((Date.now() - started) / 1000));
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    return null;
  }

  function size(bytes) {
    if (bytes == null) return "size unknown";
    return bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
  }

  // Draws 784 grey levels (the `input28` of a prediction) onto a 28×28 canvas; none: black.
  function paint28(canvas, pixels) {
    const context = canvas.getContext("2d");
    const image = context.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const v = pixels ? pixels[i] : 0;
      image.data.set([v, v, v, 255], 4 * i);
    }
    context.putImageData(image, 0, 0);
  }

  function percent(value, digits = 1) {
    return value == null ? "–" : `${(value * 100).toFixed(digits)}%`;
  }

  function describe(model) {
    modelInfo.classList.remove("error");
    modelInfo.textContent = model && model.kind ? `${model.kind}, ${size(model.bytes)}` : "";
  }

  async function loadModels() {
    try {
      const list = await api("/api/models");
      models = list.models;
      modelSelect.replaceChildren(...models.map((model) => {
        const option = document.createElement("option");
        option.value = model.name;
        const accuracy = model.test_accuracy == null ? "" : ` — ${percent(model.test_accuracy, 2)}`;
        option.textContent = `${model.name.replace(/\.safetensors$/, "")}${accuracy}`;
        option.disabled = !!model.error;
        option.selected = model.name === list.active;
        return option;
      }));
      describe(models.find((model) => model.name === list.active));
    } catch (error) {
      modelInfo.textContent = `Models unavailable: ${error.message}`;
      modelInfo.classList.add("error");
    }
  }

  modelSelect.addEventListener("change", async () => {
    const name = modelSelect.value;
    try {
      await api("/api/session/model", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name }),
      });
      describe(models.find((model) => model.name === name));
      for (const listener of listeners) listener(name);
    } catch (error) {
      modelInfo.textContent = `Could not choose ${name}: ${error.message}`;
      modelInfo.classList.add("error");
    }
  });

  loadModels();

  return {
    api, whenReady, size, percent, paint28,
    // Pages that show predictions re-run them when this browser picks another model.
    onModelChange(listener) { listeners.push(listener); },
    reloadModels: loadModels,
  };
})();

// Charts drawn in the browser from API numbers (Train and Upload pages): a confusion-matrix heat
// map as a table, and small SVG line charts.
const DigitsCharts = (() => {
  const svgNS = "http://www.w3.org/2000/svg";

  // Rows are the true digits, columns the predicted ones; the colour grows with the share of
  // the row, so a class with few samples still shows where its errors go.
  function heatmap(container, matrix) {
    const table = document.createElement("table");
    table.className = "heatmap";
    const head = table.createTHead().insertRow();
    head.appendChild(document.createElement("th")).textContent = "";
    matrix.forEach((_, column) => { head.appendChild(document.createElement("th")).textContent = column; });
    const body = table.createTBody();
    matrix.forEach((row, truth) => {
      const tr = body.insertRow();
      tr.appendChild(document.createElement("th")).textContent = truth;
      const total = row.reduce((a, b) => a + b, 0) || 1;
      row.forEach((count, predicted) => {
        const cell = tr.insertCell();
        const share = count / total;
        cell.textContent = count || "";
        cell.title = `true ${truth}, read as ${predicted}: ${count}`;
        cell.className = truth === predicted ? "hit" : count ? "miss" : "";
        cell.style.setProperty("--share", share.toFixed(3));
      });
    });
    container.replaceChildren(table);
  }

  // series: [{values: [number|null], className}], x from 1; y from min to max of all values.
  function lines(svg, series, { min = null, max = null, format = (v) => v.toFixed(2) } = {}) {
    const width = 320, height = 160, left = 40, bottom = 20, top = 8, right = 8;
    const all = series.flatMap((s) => s.values).filter((v) => v != null && isFinite(v));
    svg.replaceChildren();
    if (!all.length) return;
    const low = min ?? Math.min(...all), high = max ?? Math.max(...all);
    const span = high - low || 1;
    const count = Math.max(...series.map((s) => s.values.length));
    const x = (i) => left + (count <= 1 ? (width - left - right) / 2 : (i / (count - 1)) * (width - left - right));
    const y = (v) => top + (1 - (v - low) / span) * (height - top - bottom);
    const add = (name, attributes, text) => {
      const node = document.createElementNS(svgNS, name);
      for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
      if (text != null) node.textContent = text;
      svg.appendChild(node);
      return node;
    };
    add("line", { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, class: "axis" });
    add("line", { x1: left, x2: left, y1: top, y2: height - bottom, class: "axis" });
    add("text", { x: left - 4, y: top + 8, class: "tick", "text-anchor": "end" }, format(high));
    add("text", { x: left - 4, y: height - bottom, class: "tick", "text-anchor": "end" }, format(low));
    add("text", { x: width - right, y: height - 4, class: "tick", "text-anchor": "end" }, `epoch ${count}`);
    for (const s of series) {
      const points = s.values.map((v, i) => (v == null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean);
      if (!points.length) continue;
      add("polyline", { points: points.join(" "), class: `line ${s.className}` });
      for (const p of points) {
        const [cx, cy] = p.split(",");
        add("circle", { cx, cy, r: 2.5, class: `dot ${s.className}` });
      }
    }
  }

  return { heatmap, lines };
})();
