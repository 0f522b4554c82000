"use strict";
// The Draw page: strokes are kept as point lists so that undo can redraw them, and the picture
// sent to /api/predict is always dark ink on white paper, whatever the page's theme.

const pad = document.getElementById("pad");
const context = pad.getContext("2d");
const hint = document.getElementById("hint");
const pen = document.getElementById("pen");
const multi = document.getElementById("multi");
const undoButton = document.getElementById("undo");
const clearButton = document.getElementById("clear");
const text = document.getElementById("text");
const confidence = document.getElementById("confidence");
const choices = document.getElementById("choices");
const bars = document.getElementById("bars");
const seen = document.getElementById("input28");
const status = document.getElementById("status");

const strokes = [];
let current = null;
let reading = null;
let chosen = 0;
let sequence = 0;
let timer = null;

// Ten bar rows exist from the start, so that results never move the layout.
const barRows = Array.from({ length: 10 }, (_, digit) => {
  const row = document.createElement("li");
  row.innerHTML = `<span class="digit">${digit}</span><span class="track"><span class="fill"></span></span><span class="value">–</span>`;
  bars.appendChild(row);
  return { row, fill: row.querySelector(".fill"), value: row.querySelector(".value") };
});

function drawStrokes(target, ink, paper) {
  target.fillStyle = paper;
  target.fillRect(0, 0, pad.width, pad.height);
  target.strokeStyle = ink;
  target.fillStyle = ink;
  target.lineCap = "round";
  target.lineJoin = "round";
  for (const stroke of strokes) {
    target.lineWidth = stroke.width;
    if (stroke.points.length === 1) {
      const [x, y] = stroke.points[0];
      target.beginPath();
      target.arc(x, y, stroke.width / 2, 0, 2 * Math.PI);
      target.fill();
      continue;
    }
    target.beginPath();
    target.moveTo(...stroke.points[0]);
    for (const point of stroke.points.slice(1)) target.lineTo(...point);
    target.stroke();
  }
}

function redraw() {
  const style = getComputedStyle(document.documentElement);
  drawStrokes(context, style.getPropertyValue("--ink").trim() || "#111", style.getPropertyValue("--paper").trim() || "#fff");
  hint.hidden = strokes.length > 0;
  undoButton.disabled = strokes.length === 0;
  clearButton.disabled = strokes.length === 0;
}

function position(event) {
  const box = pad.getBoundingClientRect();
  return [(event.clientX - box.left) * pad.width / box.width, (event.clientY - box.top) * pad.height / box.height];
}

pad.addEventListener("pointerdown", (event) => {
  if (event.button !== 0) return;
  pad.setPointerCapture(event.pointerId);
  current = { width: Number(pen.value), points: [position(event)] };
  strokes.push(current);
  redraw();
  event.preventDefault();
});

pad.addEventListener("pointermove", (event) => {
  if (!current) return;
  const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [event];
  for (const e of events) current.points.push(position(e));
  redraw();
  schedule(250);
});

function endStroke() {
  if (!current) return;
  current = null;
  schedule(0);
}
pad.addEventListener("pointerup", endStroke);
pad.addEventListener("pointercancel", endStroke);

function undo() {
  if (strokes.length === 0) return;
  strokes.pop();
  redraw();
  schedule(0);
}

function clear() {
  strokes.length = 0;
  redraw();
  schedule(0);
}

undoButton.addEventListener("click", undo);
clearButton.addEventListener("click", clear);
multi.addEventListener("change", () => schedule(0));
document.addEventListener("keydown", (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") { undo(); event.preventDefault(); }
  else if (event.key === "Escape") clear();
});
matchMedia("(prefers-color-scheme: dark)").addEventListener("change", redraw);

// Live prediction: at most one request per pause in drawing; older answers are ignored.
function schedule(delay) {
  clearTimeout(timer);
  timer = setTimeout(predict, delay);
}

async function predict() {
  const mine = ++sequence;
  if (strokes.length === 0) { show(null); return; }
  const paper = document.createElement("canvas");
  // Half the pad's resolution: 280×280 holds every detail the 28×28 input can keep, and a
  // quarter of the pixels is a quarter of the decoding and extraction work on the server.
  paper.width = pad.width / 2;
  paper.height = pad.height / 2;
  const paperContext = paper.getContext("2d");
  paperContext.scale(0.5, 0.5);
  drawStrokes(paperContext, "#000", "#fff");
  const blob = await new Promise((resolve) => paper.toBlob(resolve, "image/png"));
  const mode = multi.checked ? "multi" : "single";
  try {
    const response = await fetch(`/api/predict?mode=${mode}&input28=1`, {
      method: "POST", headers: { "Content-Type": "image/png" }, body: blob,
    });
    const body = await response.json();
    if (mine !== sequence) return;
    if (!response.ok) throw new Error(body.detail || body.error || response.statusText);
    show(body);
  } catch (error) {
    if (mine !== sequence) return;
    status.textContent = `Could not read the drawing: ${error.message}`;
    status.classList.add("error");
  }
}

function show(result) {
  reading = result;
  chosen = 0;
  status.classList.remove("error");
  status.textContent = result && result.warnings && result.warnings.length ? result.warnings.join("; ") : "";
  text.textContent = result && result.text ? result.text.replace(/\n/g, " ") : "–";
  text.classList.toggle("empty", !(result && result.text));
  choices.replaceChildren();
  const digits = result ? result.digits : [];
  if (digits.length > 1) {
    digits.forEach((digit, index) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = `${digit.digit}`;
      button.setAttribute("aria-label", `Digit ${index + 1}: ${digit.digit}`);
      button.addEventListener("click", () => { chosen = index; showDigit(); });
      choices.appendChild(button);
    });
  }
  showDigit();
}

function showDigit() {
  const digit = reading && reading.digits[chosen];
  Array.from(choices.children).forEach((button, index) => button.setAttribute("aria-pressed", String(index === chosen)));
  confidence.textContent = digit ? `${(digit.confidence * 100).toFixed(1)}% sure` : "";
  barRows.forEach(({ row, fill, value }, index) => {
    const p = digit ? digit.probabilities[index] : 0;
    fill.style.width = `${(p * 100).toFixed(1)}%`;
    value.textContent = digit ? `${(p * 100).toFixed(1)}%` : "–";
    row.classList.toggle("best", !!digit && digit.digit === index);
    row.setAttribute("aria-label", `${index}: ${digit ? (p * 100).toFixed(1) + "%" : "no reading"}`);
  });
  Digits.paint28(seen, digit && digit.input28);
  updateCorrection();
}

// "That's wrong, it was…": stores the 28×28 the model saw with the digit it really was.
const correctStatus = document.getElementById("correct-status");
const correctButtons = Array.from({ length: 10 }, (_, digit) => {
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = `${digit}`;
  button.setAttribute("aria-label", `It was a ${digit}: store this drawing as a ${digit}`);
  button.addEventListener("click", () => correct(digit));
  document.getElementById("correct").appendChild(button);
  return button;
});

function currentDigit() {
  return reading && reading.digits[chosen] && reading.digits[chosen].input28 ? reading.digits[chosen] : null;
}

function updateCorrection() {
  const digit = currentDigit();
  for (const button of correctButtons) button.disabled = !digit;
  if (!digit) correctStatus.textContent = "";
}

async function correct(label) {
  const digit = currentDigit();
  if (!digit) return;
  try {
    const stored = await Digits.api("/api/feedback", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ input28: digit.input28, label, predicted: digit.digit, source: "draw" }),
    });
    correctStatus.classList.remove("error");
    correctStatus.textContent = `Stored as a ${label} (sample ${stored.id}) — thank you.`;
  } catch (error) {
    correctStatus.classList.add("error");
    correctStatus.textContent = `Could not store the sample: ${error.message}`;
  }
}

Digits.onModelChange(() => schedule(0));

redraw();
show(null);

