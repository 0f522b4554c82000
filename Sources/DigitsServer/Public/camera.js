"use strict";
// Camera page: frames from getUserMedia (rear camera preferred), downscaled into a JPEG on a
// canvas and posted to /api/predict several times a second with at most one request in flight;
// boxes and digits above the confidence threshold drawn over the video. "Capture" freezes a frame.

(() => {
  const $ = (id) => document.getElementById(id);
  const video = $("video"), overlay = $("overlay"), message = $("camera-message");
  const frame = document.createElement("canvas");
  const maxSide = 640;            // the extractor needs no more; smaller uploads go faster
  const interval = 200;           // ms between frames: up to five a second
  let reading = null, frozen = false, busy = false, scale = 1, timings = [];

  function say(text, error = false) {
    message.textContent = text;
    message.hidden = !text;
    message.classList.toggle("error", error);
  }

  async function start() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      say("This browser offers no camera here (it needs https or localhost, and camera support).", true);
      return;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false,
      });
      video.srcObject = stream;
      await video.play();
      // The viewer takes the camera's shape, so the overlay maps onto the picture undistorted.
      video.parentElement.style.aspectRatio = `${video.videoWidth} / ${video.videoHeight}`;
      say("");
      setInterval(tick, interval);
    } catch (error) {
      const denied = error && (error.name === "NotAllowedError" || error.name === "SecurityError");
      say(denied ? "Camera permission was refused: allow the camera for this site and reload."
        : `No camera available (${error.name || error.message}).`, true);
    }
  }

  async function tick() {
    if (busy || frozen || !video.videoWidth) return;
    busy = true;
    try {
      const blob = await grab();
      const started = performance.now();
      reading = await Digits.api(`/api/predict?mode=${$("single").checked ? "single" : "multi"}`, {
        method: "POST", headers: { "Content-Type": "image/jpeg" }, body: blob,
      });
      timings.push(performance.now() - started);
      if (timings.length > 20) timings.shift();
      const mean = timings.reduce((a, b) => a + b, 0) / timings.length;
      $("camera-stats").textContent = `${Math.round(mean)} ms per frame`;
      draw();
    } catch (error) {
      $("camera-stats").textContent = error.message;
    } finally {
      busy = false;
    }
  }

  function grab() {
    scale = Math.min(1, maxSide / Math.max(video.videoWidth, video.videoHeight));
    frame.width = Math.round(video.videoWidth * scale);
    frame.height = Math.round(video.videoHeight * scale);
    frame.getContext("2d").drawImage(video, 0, 0, frame.width, frame.height);
    return new Promise((resolve) => frame.toBlob(resolve, "image/jpeg", 0.85));
  }

  // Boxes come in the frame's pixels; the overlay covers the video element as displayed.
  function draw() {
    const box = video.getBoundingClientRect();
    overlay.width = box.width * devicePixelRatio;
    overlay.height = box.height * devicePixelRatio;
    const context = overlay.getContext("2d");
    context.clearRect(0, 0, overlay.width, overlay.height);
    if (!reading || !frame.width) return;
    const k = overlay.width / frame.width;
    const threshold = Number($("threshold").value) / 100;
    const shown = reading.digits.filter((d) => d.confidence >= threshold);
    const px = devicePixelRatio;
    context.lineWidth = 2 * px;
    for (const digit of shown) {
      const [x, y, w, h] = digit.box.map((v) => v * k);
      context.strokeStyle = "#22c55e";
      context.strokeRect(x, y, w, h);
      // Labels scale with their box, and small boxes get the digit alone, so neighbours' labels
      // do not cover each other.
      const size = Math.max(11 * px, Math.min(22 * px, h * 0.45));
      context.font = `700 ${size}px system-ui, sans-serif`;
      const full = `${digit.digit} ${Math.round(digit.confidence * 100)}%`;
      const label = context.measureText(full).width + 6 * px <= Math.max(w, 60 * px) ? full : String(digit.digit);
      const width = context.measureText(label).width + 6 * px;
      const top = Math.max(0, y - size - 4 * px);
      context.fillStyle = "rgba(0, 0, 0, .65)";
      context.fillRect(x, top, width, size + 4 * px);
      context.fillStyle = "#fff";
      context.fillText(label, x + 3 * px, top + size);
    }
    $("camera-text").textContent = shown.length ? shown.map((d) => d.digit).join("") : "no digit above the threshold";
  }

  $("threshold").addEventListener("input", () => {
    $("threshold-value").textContent = `${$("threshold").value}%`;
    draw();
  });
  $("capture").addEventListener("click", () => {
    frozen = !frozen;
    $("capture").setAttribute("aria-pressed", String(frozen));
    $("capture").textContent = frozen ? "Live" : "Capture";
    if (frozen) video.pause(); else video.play();
  });
  window.addEventListener("resize", draw);
  start();
})();
