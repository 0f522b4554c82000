"use strict";
// The Explore page: SVG charts rendered by the server (the same code as `digits explore` and
// `digits report`). Slow ones answer 202 while they are computed; the page asks again.

const evaluated = document.getElementById("evaluated");
let evaluation = 0;

function place(target, charts) {
  target.replaceChildren(...charts.map((chart) => {
    const figure = document.createElement("figure");
    figure.className = `chart chart-${chart.name}`;
    figure.innerHTML = chart.svg;
    const svg = figure.querySelector("svg");
    if (svg) { svg.setAttribute("role", "img"); svg.removeAttribute("width"); svg.removeAttribute("height"); }
    return figure;
  }));
}

async function section(path, target, status, describe, stillWanted) {
  try {
    const result = await Digits.whenReady(path, {
      onWait: (seconds) => { status.textContent = `Computing… ${seconds} s (done once, then remembered)`; },
      stillWanted,
    });
    if (!result) return;
    place(target, result.charts);
    status.textContent = describe(result);
    status.classList.remove("error");
  } catch (error) {
    target.replaceChildren();
    status.textContent = error.message;
    status.classList.add("error");
  }
}

section("/api/explore/overview", document.getElementById("overview"), document.getElementById("overview-status"),
  (r) => `${r.samples} images; the PCA map shows 3000 of them (5-nearest-neighbour accuracy of the labels in 2-D: ${Digits.percent(r.score)}).`)
  .then(() => section("/api/explore/tsne", document.getElementById("tsne"), document.getElementById("tsne-status"),
    (r) => `5-nearest-neighbour accuracy of the labels in the t-SNE map: ${Digits.percent(r.score)}.`));

function evaluate() {
  const mine = ++evaluation;
  const name = evaluated.value;
  if (!name) return;
  const status = document.getElementById("evaluation-status");
  status.classList.remove("error");
  section(`/api/explore/models/${encodeURIComponent(name)}`, document.getElementById("evaluation"), status,
    (r) => `Accuracy ${Digits.percent(r.accuracy, 2)} on ${r.samples} test images.`, () => mine === evaluation);
}

async function loadModels() {
  try {
    const list = await Digits.api("/api/models");
    evaluated.replaceChildren(...list.models.filter((m) => !m.error).map((model) => {
      const option = document.createElement("option");
      option.value = model.name;
      option.textContent = model.name.replace(/\.safetensors$/, "");
      option.selected = model.name === list.active;
      return option;
    }));
    evaluate();
  } catch (error) {
    document.getElementById("evaluation-status").textContent = error.message;
  }
}

evaluated.addEventListener("change", evaluate);
Digits.onModelChange((name) => { evaluated.value = name; evaluate(); });
loadModels();
