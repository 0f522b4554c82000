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

  function size(bytes) {
    if (bytes == null) return "size unknown";
    return bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
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
    api, size, percent,
    // Pages that show predictions re-run them when this browser picks another model.
    onModelChange(listener) { listeners.push(listener); },
    reloadModels: loadModels,
  };
})();
