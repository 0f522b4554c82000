"use strict";
// Upload page: many images (files, folders, drag-and-drop), each posted to /api/predict with
// its processing steps; an optional labels CSV (checked by /api/labels, the parser of
// `digits predict --labels`) gives ✓/✗ per image and the totals `predict --labels` prints.

(() => {
  const $ = (id) => document.getElementById(id);
  const cards = $("cards");
  let labels = null;          // file name → expected digits
  let results = [];           // {name, text, card}
  let queue = Promise.resolve();

  const isImage = (file) => /^image\//.test(file.type) || /\.(png|jpe?g|webp|tiff?|heic|heif|hif|avif|bmp|pgm)$/i.test(file.name);

  // Folders dropped on the page: walk them with the entries API where the browser has it.
  async function filesFromEntry(entry) {
    if (entry.isFile) return [await new Promise((resolve, reject) => entry.file(resolve, reject))];
    if (!entry.isDirectory) return [];
    const reader = entry.createReader();
    const files = [];
    for (;;) {
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (!batch.length) break;
      for (const child of batch) files.push(...await filesFromEntry(child));
    }
    return files;
  }

  async function take(files) {
    const list = [...files];
    const csv = list.find((file) => /\.(csv|txt)$/i.test(file.name));
    if (csv) await loadLabels(csv);
    const images = list.filter(isImage).sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
    for (const file of images) {
      const card = newCard(file);
      // One request at a time keeps the cards in order and leaves the server to other users.
      queue = queue.then(() => read(file, card));
    }
  }

  async function loadLabels(file) {
    try {
      const list = await Digits.api(`/api/labels?name=${encodeURIComponent(file.name)}`, { method: "POST", body: await file.text() });
      labels = list.labels;
      $("labels-status").textContent = `${file.name}: ${Object.keys(labels).length} labels.`;
      $("labels-status").classList.remove("error");
      for (const result of results) mark(result);
      showTotals();
    } catch (error) {
      $("labels-status").textContent = error.message;
      $("labels-status").classList.add("error");
    }
  }

  function newCard(file) {
    const card = document.createElement("article");
    card.className = "card image-card";
    card.innerHTML = `<header><h3></h3><span class="verdict" aria-live="polite"></span></header>
      <div class="images"><img class="original" alt="Original"><img class="steps" alt="Processing steps" hidden></div>
      <p class="reading"><span class="read">…</span> <span class="muted expected"></span></p>
      <ol class="crops" aria-label="Digits found"></ol><p class="muted warn"></p>`;
    card.querySelector("h3").textContent = file.name;
    const original = card.querySelector(".original");
    original.src = URL.createObjectURL(file);
    original.onload = () => URL.revokeObjectURL(original.src);
    // A browser shows no TIFF; the steps strip below starts with the picture anyway.
    original.onerror = () => { URL.revokeObjectURL(original.src); original.hidden = true; };
    cards.appendChild(card);
    return card;
  }

  async function read(file, card) {
    const mode = $("single").checked ? "single" : "multi";
    const result = { name: file.name, text: null, card };
    try {
      const reading = await Digits.api(`/api/predict?debug=1&input28=1&mode=${mode}`, {
        method: "POST", headers: { "Content-Type": file.type || "application/octet-stream" }, body: file,
      });
      result.text = (reading.text || "").replace(/\D/g, "");
      card.querySelector(".read").textContent = reading.text || "no digit found";
      const steps = card.querySelector(".steps");
      if (reading.steps) { steps.src = reading.steps; steps.hidden = false; }
      card.querySelector(".crops").replaceChildren(...reading.digits.map(crop));
      card.querySelector(".warn").textContent = (reading.warnings || []).join(" ");
    } catch (error) {
      card.querySelector(".read").textContent = "—";
      card.querySelector(".warn").textContent = error.message;
      card.classList.add("failed");
    }
    results.push(result);
    mark(result);
    showTotals();
  }

  function crop(digit) {
    const item = document.createElement("li");
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 28;
    if (digit.input28) Digits.paint28(canvas, digit.input28);
    const caption = document.createElement("span");
    caption.innerHTML = `<b>${digit.digit}</b> ${Digits.percent(digit.confidence, 0)}`;
    item.append(canvas, caption);
    return item;
  }

  function expectedFor(result) {
    return labels ? labels[result.name] : undefined;
  }

  function mark(result) {
    const expected = expectedFor(result);
    const verdict = result.card.querySelector(".verdict");
    result.card.querySelector(".expected").textContent = expected ? `label ${expected}` : "";
    if (!expected || result.text == null) { verdict.textContent = ""; return; }
    const ok = result.text === expected;
    verdict.textContent = ok ? "✓" : "✗";
    verdict.className = `verdict ${ok ? "ok" : "bad"}`;
    verdict.title = ok ? "read as labelled" : `labelled ${expected}`;
  }

  // The totals of `digits predict --labels`: whole-image accuracy, a per-digit confusion matrix
  // over images where as many digits were read as labelled, and the misses.
  function showTotals() {
    const labelled = results.filter((r) => expectedFor(r) && r.text != null);
    $("totals").hidden = results.length === 0;
    const correct = labelled.filter((r) => r.text === expectedFor(r));
    const confusion = Array.from({ length: 10 }, () => Array(10).fill(0));
    for (const r of labelled) {
      const expected = expectedFor(r);
      if (expected.length !== r.text.length) continue;
      [...expected].forEach((t, i) => { confusion[Number(t)][Number(r.text[i])] += 1; });
    }
    $("summary").textContent = labelled.length
      ? `Accuracy ${Digits.percent(correct.length / labelled.length, 1)} — ${correct.length} of ${labelled.length} labelled images read right (${results.length} read)`
      : `${results.length} image(s) read; add a labels CSV for accuracy.`;
    DigitsCharts.heatmap($("confusion"), confusion);
    const misses = labelled.filter((r) => r.text !== expectedFor(r)).map((r) => {
      const item = document.createElement("li");
      item.textContent = `${r.name}: labelled ${expectedFor(r)}, read ${r.text || "nothing"}`;
      return item;
    });
    if (!misses.length) {
      const none = document.createElement("li");
      none.className = "muted";
      none.textContent = labelled.length ? "None." : "No labelled image yet.";
      misses.push(none);
    }
    $("misses").replaceChildren(...misses);
  }

  const drop = $("drop");
  for (const name of ["dragenter", "dragover"]) {
    drop.addEventListener(name, (event) => { event.preventDefault(); drop.classList.add("over"); });
  }
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    const items = [...(event.dataTransfer.items || [])];
    const entries = items.map((item) => item.webkitGetAsEntry && item.webkitGetAsEntry()).filter(Boolean);
    if (entries.length) {
      const files = [];
      for (const entry of entries) files.push(...await filesFromEntry(entry));
      take(files);
    } else {
      take(event.dataTransfer.files);
    }
  });
  drop.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); $("files").click(); }
  });
  $("files").addEventListener("change", (event) => take(event.target.files));
  $("folder").addEventListener("change", (event) => take(event.target.files));
  $("labels").addEventListener("change", (event) => event.target.files[0] && loadLabels(event.target.files[0]));
  $("clear").addEventListener("click", () => {
    results = [];
    cards.replaceChildren();
    showTotals();
  });
})();
