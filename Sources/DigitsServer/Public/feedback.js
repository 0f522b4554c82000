"use strict";
// The Feedback page: the stored samples newest first, a page at a time, each deletable.

const grid = document.getElementById("samples");
const countLabel = document.getElementById("feedback-count");
const more = document.getElementById("more");
const feedbackStatus = document.getElementById("feedback-status");
const exports = [document.getElementById("export-images"), document.getElementById("export-labels")];
let next = null;
let total = 0;

function describeTotal() {
  countLabel.textContent = total === 1 ? "1 sample" : `${total} samples`;
  for (const link of exports) link.toggleAttribute("aria-disabled", total === 0);
}

function card(sample) {
  const item = document.createElement("li");
  item.className = "sample";
  const date = new Date(sample.created);
  const predicted = sample.predicted == null ? "no prediction" : `read as ${sample.predicted}`;
  item.innerHTML = `<img width="112" height="112" alt="">
    <p><strong class="label"></strong> <span class="muted predicted"></span></p>
    <p class="muted meta"></p>
    <button type="button" class="delete">Delete</button>`;
  const image = item.querySelector("img");
  image.src = sample.image;
  image.alt = `Sample ${sample.id}: a ${sample.label}, ${predicted}`;
  item.querySelector(".label").textContent = `${sample.label}`;
  item.querySelector(".predicted").textContent = predicted;
  item.querySelector(".meta").textContent = `${sample.source} · ${date.toLocaleString()}${sample.model ? " · " + sample.model.replace(/\.safetensors$/, "") : ""}`;
  const button = item.querySelector(".delete");
  button.setAttribute("aria-label", `Delete sample ${sample.id} (a ${sample.label})`);
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await Digits.api(`/api/feedback/${sample.id}`, { method: "DELETE" });
      const following = item.nextElementSibling || item.previousElementSibling;
      item.remove();
      total -= 1;
      describeTotal();
      (following ? following.querySelector(".delete") : more).focus();
    } catch (error) {
      button.disabled = false;
      feedbackStatus.textContent = `Could not delete sample ${sample.id}: ${error.message}`;
      feedbackStatus.classList.add("error");
    }
  });
  return item;
}

async function load() {
  more.disabled = true;
  try {
    const page = await Digits.api(`/api/feedback?limit=48${next ? "&before=" + next : ""}`);
    total = page.total;
    next = page.next;
    grid.append(...page.samples.map(card));
    describeTotal();
    if (total === 0) feedbackStatus.textContent = "No samples yet: correct a wrong reading on the Draw page.";
  } catch (error) {
    countLabel.textContent = "";
    feedbackStatus.textContent = `Could not load the samples: ${error.message}`;
    feedbackStatus.classList.add("error");
  }
  more.hidden = next == null;
  more.disabled = false;
}

more.addEventListener("click", load);
load();
