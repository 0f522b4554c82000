"use strict";
// Train page: a form built from GET /api/kinds, a job started with POST /api/jobs and followed
// over server-sent events (GET /api/jobs/{id}/events), its report, and "save as…".

(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("job-form"), kindSelect = $("kind"), params = $("params");
  let kinds = [];
  let current = null;   // the job followed on this page
  let source = null;    // its EventSource
  let epochs = [];

  function field(parameter) {
    const label = document.createElement("label");
    label.className = "field";
    label.title = parameter.help;
    const name = document.createElement("span");
    name.textContent = parameter.name;
    let input;
    if (parameter.type === "choice" || parameter.type === "boolean") {
      input = document.createElement("select");
      const choices = parameter.type === "boolean" ? ["true", "false"] : parameter.choices;
      for (const choice of choices) input.add(new Option(choice, choice, false, choice === parameter.value));
    } else {
      input = document.createElement("input");
      input.type = "text";
      input.value = parameter.value;
      input.spellcheck = false;
      if (parameter.type === "real" || parameter.type === "integer") input.inputMode = "decimal";
    }
    input.name = parameter.name;
    input.dataset.default = parameter.value;
    const hint = document.createElement("small");
    hint.className = "muted";
    hint.textContent = parameter.expectation;
    label.append(name, input, hint);
    return label;
  }

  function showKind() {
    const kind = kinds.find((k) => k.name === kindSelect.value);
    if (!kind) return;
    $("kind-summary").textContent = kind.summary;
    const epochsField = kind.parameters.find((p) => p.name === kind.epochs_parameter);
    $("epochs-field").hidden = !kind.epochs_parameter;
    $("epochs").value = epochsField ? epochsField.value : "";
    // The epochs field stands for the kind's own epochs/maxIter parameter.
    params.replaceChildren(...kind.parameters.filter((p) => p.name !== kind.epochs_parameter).map(field));
  }

  async function loadKinds() {
    const list = await Digits.api("/api/kinds");
    kinds = list.kinds;
    const groups = new Map();
    for (const kind of kinds) {
      if (!groups.has(kind.family)) groups.set(kind.family, document.createElement("optgroup"));
      groups.get(kind.family).label = kind.family;
      groups.get(kind.family).appendChild(new Option(kind.name, kind.name, false, kind.name === "mlp-64-16"));
    }
    kindSelect.replaceChildren(...groups.values());
    showKind();
    if (!list.training) {
      $("start").disabled = true;
      setStatus("MNIST not found on the server — run `digits data download`, then restart `digits serve`.", true);
    }
  }

  function setStatus(text, error = false) {
    $("form-status").textContent = text;
    $("form-status").classList.toggle("error", error);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const parameters = {};
    for (const input of params.querySelectorAll("input, select")) {
      if (input.value !== input.dataset.default) parameters[input.name] = input.value;
    }
    const body = { kind: kindSelect.value, parameters, seed: Number($("seed").value || 0), split: $("split").value || "standard" };
    if (!$("epochs-field").hidden && $("epochs").value) body.epochs = Number($("epochs").value);
    $("start").disabled = true;
    try {
      const job = await Digits.api("/api/jobs", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      setStatus(job.position ? `Queued: ${job.position} job(s) ahead.` : "Started.");
      follow(job);
      refreshJobs();
    } catch (error) {
      setStatus(error.message, true);
    } finally {
      $("start").disabled = false;
    }
  });

  function follow(job) {
    if (source) source.close();
    current = job;
    epochs = [];
    $("report").hidden = true;
    $("epochs-table").tBodies[0].replaceChildren();
    $("bar").value = 0;
    $("job-detail").textContent = "";
    drawCharts();
    showState(job);
    source = new EventSource(`/api/jobs/${job.id}/events`);
    source.addEventListener("state", (e) => showState(JSON.parse(e.data)));
    source.addEventListener("progress", (e) => showProgress(JSON.parse(e.data)));
    source.addEventListener("epoch", (e) => addEpoch(JSON.parse(e.data)));
    source.addEventListener("result", (e) => {
      source.close();
      source = null;
      const finished = JSON.parse(e.data);
      showState(finished);
      showReport(finished);
      refreshJobs();
    });
  }

  function showState(job) {
    current = job;
    const request = job.request;
    $("job-name").textContent = `${request.kind}${job.request.epochs ? ` × ${job.request.epochs} epochs` : ""}`;
    const state = $("job-state");
    state.textContent = job.state === "queued" && job.position != null ? `queued (#${job.position + 1})` : job.state;
    state.dataset.state = job.state;
    $("cancel").disabled = !["queued", "running"].includes(job.state);
    if (job.message) $("job-detail").textContent = job.message;
    if (job.state === "succeeded") {
      $("bar").value = 1;
      $("job-eta").textContent = "";
      $("job-detail").textContent = `Finished ${new Date(job.finished).toLocaleTimeString()}.`;
    }
  }

  function showProgress(progress) {
    if (progress.fraction != null) $("bar").value = progress.fraction;
    const loss = progress.loss != null ? `, loss ${progress.loss.toFixed(4)}` : "";
    const step = progress.note ? `${progress.note} batch ${progress.step}` : `iteration ${progress.step}`;
    $("job-detail").textContent = `${step}${progress.total_steps ? ` of ${progress.total_steps}` : ""}${loss} — ${progress.elapsed.toFixed(0)} s`;
  }

  function addEpoch(epoch) {
    epochs.push(epoch);
    const row = $("epochs-table").tBodies[0].insertRow();
    const validation = epoch.validation_accuracy;
    for (const text of [`${epoch.epoch}/${epoch.epochs}`, epoch.loss.toFixed(4), Digits.percent(epoch.train_accuracy, 2),
      validation == null ? "–" : Digits.percent(validation, 2), epoch.seconds.toFixed(1)]) {
      row.insertCell().textContent = text;
    }
    const seconds = epochs.reduce((sum, e) => sum + e.seconds, 0) / epochs.length;
    const left = (epoch.epochs - epoch.epoch) * seconds;
    $("job-eta").textContent = left > 0 ? `ETA ${left >= 60 ? `${Math.floor(left / 60)} min ${Math.round(left % 60)} s` : `${Math.round(left)} s`}` : "";
    drawCharts();
  }

  function drawCharts() {
    DigitsCharts.lines($("loss-chart"), [{ values: epochs.map((e) => e.loss), className: "a" }], { format: (v) => v.toFixed(3) });
    DigitsCharts.lines($("acc-chart"), [
      { values: epochs.map((e) => e.train_accuracy), className: "a" },
      { values: epochs.map((e) => e.validation_accuracy), className: "b" },
    ], { format: (v) => `${(v * 100).toFixed(1)}%` });
  }

  function showReport(job) {
    const result = job.result;
    if (!result) return;
    $("report").hidden = false;
    const validation = result.validation_accuracy == null ? "" : ` · validation ${Digits.percent(result.validation_accuracy, 2)}`;
    $("scores").textContent = `Test accuracy ${Digits.percent(result.test_accuracy, 2)}${validation} · fitted in ${result.fit_seconds.toFixed(1)} s`;
    const body = $("class-table").tBodies[0];
    const rows = result.test.classes.map((c, digit) => [digit, c]);
    rows.push(["macro avg", result.test.macroAverage], ["weighted avg", result.test.weightedAverage]);
    body.replaceChildren(...rows.map(([name, c]) => {
      const row = document.createElement("tr");
      for (const text of [name, c.precision.toFixed(3), c.recall.toFixed(3), c.f1.toFixed(3), c.support]) row.insertCell().textContent = text;
      return row;
    }));
    DigitsCharts.heatmap($("confusion"), result.test.confusion);
    $("save-name").value = job.saved_as ? job.saved_as.replace(/\.safetensors$/, "") : `${job.request.kind}-${job.id.slice(0, 8)}`;
    $("save-status").textContent = job.saved_as ? `Saved as ${job.saved_as}.` : "";
  }

  $("cancel").addEventListener("click", async () => {
    if (!current) return;
    try {
      showState(await Digits.api(`/api/jobs/${current.id}`, { method: "DELETE" }));
      $("job-detail").textContent = "Stopping after the current batch…";
    } catch (error) {
      $("job-detail").textContent = error.message;
    }
  });

  $("save-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!current) return;
    try {
      const saved = await Digits.api(`/api/jobs/${current.id}/save`, {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: $("save-name").value }),
      });
      $("save-status").textContent = `Saved as ${saved.name}; choose it in the model menu above.`;
      $("save-status").classList.remove("error");
      Digits.reloadModels();
      refreshJobs();
    } catch (error) {
      $("save-status").textContent = error.message;
      $("save-status").classList.add("error");
    }
  });

  async function refreshJobs() {
    try {
      const list = await Digits.api("/api/jobs?limit=20");
      $("jobs-table").tBodies[0].replaceChildren(...list.jobs.map((job) => {
        const row = document.createElement("tr");
        const state = job.state === "queued" && job.position != null ? `queued (#${job.position + 1})` : job.state;
        const started = job.started ? new Date(job.started).toLocaleTimeString() : "–";
        for (const text of [job.id.slice(0, 8), job.request.kind, state,
          job.result ? Digits.percent(job.result.test_accuracy, 2) : "–", started]) row.insertCell().textContent = text;
        const open = document.createElement("button");
        open.type = "button";
        open.textContent = "Show";
        open.addEventListener("click", () => follow(job));
        row.insertCell().appendChild(open);
        return row;
      }));
    } catch (error) {
      $("jobs-table").tBodies[0].replaceChildren();
    }
  }

  kindSelect.addEventListener("change", showKind);
  loadKinds().then(async () => {
    await refreshJobs();
    // Come back to a job that is still going (after a reload, say).
    const list = await Digits.api("/api/jobs?limit=5");
    const active = list.jobs.find((job) => job.state === "running" || job.state === "queued");
    if (active) follow(active);
  }).catch((error) => setStatus(error.message, true));
  setInterval(refreshJobs, 5000);
})();
