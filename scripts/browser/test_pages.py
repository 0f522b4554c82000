#!/usr/bin/env python3
"""The web app in a real browser: headless Chromium driven by Selenium against `digits serve`.

    python3 scripts/browser/test_pages.py [--binary .build/release/digits] [--out out/screenshots]

Starts the server on a free loopback port with a temporary models folder holding the default
model, then: draws a "1" on the Draw page with pointer events and checks the reading; uploads
dev-set photos with their labels CSV and checks that the accuracy shown is the one the API's own
readings give; runs a one-epoch mlp-64-16 training job to the end and saves it (skipped, saying
so, when DIGITS_DATA holds no MNIST); opens the camera page on Chromium's fake camera; and saves a
screenshot of every page in --out. Exits non-zero on the first failed check.
"""
import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "Tests/DigitsKitTests/Fixtures/devset"
PAGES = ["draw", "upload", "camera", "models", "train", "explore", "feedback"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(binary, models, port):
    env = dict(os.environ)
    command = [binary, "serve", "--host", "127.0.0.1", "--port", str(port),
               "--model", str(models / "default.safetensors"), "--models-dir", str(models),
               "--store", str(models / "digits.sqlite")]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        if server.poll() is not None:
            sys.exit(f"digits serve exited: {server.stderr.read()}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("digits serve did not answer /health within 30 s")


def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]:
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or ""
    options.set_capability("goog:loggingPrefs", {"browser": "SEVERE"})
    driver_path = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    return webdriver.Chrome(service=Service(driver_path), options=options)


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print(f"ok: {message}")


def screenshot(driver, out, name):
    # The whole page, not only the first screenful.
    height = driver.execute_script("return Math.max(document.body.scrollHeight, 900)")
    driver.set_window_size(1280, min(height + 120, 4000))
    driver.save_screenshot(str(out / f"{name}.png"))
    driver.set_window_size(1280, 900)


def draw_a_one(driver, base):
    driver.get(base + "/")
    pad = driver.find_element(By.ID, "pad")
    # A vertical stroke through the middle of the pad: pointerdown, pointermoves, pointerup.
    chain = ActionChains(driver).move_to_element_with_offset(pad, 0, -130).click_and_hold()
    for _ in range(13):
        chain.move_by_offset(0, 20)
    chain.release().perform()
    WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "text").text.strip() not in ("", "–"))
    reading = driver.find_element(By.ID, "text").text.strip()
    check(reading == "1", f"a drawn stroke reads as 1 on the Draw page (read {reading!r})")


def correct_the_drawing(driver):
    # "That's wrong, it was… 7": the sample is stored and the page says so.
    driver.find_element(By.CSS_SELECTOR, "#correct button:nth-child(8)").click()
    WebDriverWait(driver, 20).until(lambda d: "Stored" in d.find_element(By.ID, "correct-status").text)
    check(True, f"the correction is stored ({driver.find_element(By.ID, 'correct-status').text!r})")


def feedback_lists_the_correction(driver, base):
    driver.get(base + "/feedback")
    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#samples li"))
    check(len(driver.find_elements(By.CSS_SELECTOR, "#samples li")) == 1, "the Feedback page lists the stored sample")


def explore_draws_its_charts(driver, base):
    driver.get(base + "/explore")
    if not os.environ.get("DIGITS_DATA"):
        print("skipped: the Explore charts need MNIST (DIGITS_DATA)")
        return
    # Computed once in the background on first visit: the overview, t-SNE and the model's evaluation.
    WebDriverWait(driver, 300, poll_frequency=2).until(
        lambda d: all(d.find_elements(By.CSS_SELECTOR, f"#{part} svg") for part in ["overview", "tsne", "evaluation"]))
    check(True, "the Explore page shows the data charts, the t-SNE map and the model's evaluation")


def api_reading(base, path, mode="multi"):
    data = path.read_bytes()
    kind = "image/png" if path.suffix == ".png" else "image/jpeg"
    request = urllib.request.Request(f"{base}/api/predict?mode={mode}", data=data, headers={"Content-Type": kind})
    with urllib.request.urlopen(request, timeout=60) as response:
        return re.sub(r"\D", "", json.load(response).get("text") or "")


def upload_photos(driver, base):
    labels = {}
    for line in (DEVSET / "labels.csv").read_text().splitlines()[1:]:
        if "," in line:
            name, value = line.split(",", 1)
            labels[name.strip()] = value.strip()
    photos = [DEVSET / name for name in ["clean-canvas-000.png", "multi-000.jpg", "pencil-000.jpg", "ruled-000.jpg",
                                         "blue-ink-000.jpg", "white-on-black-000.png"] if (DEVSET / name).exists()]
    expected_correct = sum(api_reading(base, p) == labels.get(p.name) for p in photos)
    driver.get(base + "/upload")
    driver.find_element(By.ID, "labels").send_keys(str(DEVSET / "labels.csv"))
    WebDriverWait(driver, 10).until(lambda d: "labels" in d.find_element(By.ID, "labels-status").text)
    driver.find_element(By.ID, "files").send_keys("\n".join(str(p) for p in photos))
    WebDriverWait(driver, 120).until(
        lambda d: len([c for c in d.find_elements(By.CSS_SELECTOR, ".image-card .read") if c.text != "…"]) == len(photos))
    summary = driver.find_element(By.ID, "summary").text
    shown = re.search(r"Accuracy ([\d.]+)%", summary)
    check(shown is not None, f"the Upload page shows an accuracy ({summary!r})")
    want = 100 * expected_correct / len(photos)
    check(abs(float(shown.group(1)) - want) < 0.06,
          f"the Upload page's accuracy {shown.group(1)}% is the API's {want:.1f}% over {len(photos)} labelled photos")
    check(len(driver.find_elements(By.CSS_SELECTOR, ".image-card img.steps:not([hidden])")) == len(photos),
          "every card shows its processing steps")


def train_one_epoch(driver, base):
    data = os.environ.get("DIGITS_DATA")
    if not data or not Path(data).is_dir():
        print("SKIPPED: the training job (set DIGITS_DATA to the MNIST folder to run it)")
        return
    driver.get(base + "/train")
    WebDriverWait(driver, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#kind option")) > 5)
    Select(driver.find_element(By.ID, "kind")).select_by_value("mlp-64-16")
    epochs = driver.find_element(By.ID, "epochs")
    epochs.clear()
    epochs.send_keys("1")
    driver.find_element(By.ID, "start").click()
    WebDriverWait(driver, 600, poll_frequency=1).until(
        lambda d: d.find_element(By.ID, "job-state").text in ("succeeded", "failed", "cancelled"))
    state = driver.find_element(By.ID, "job-state").text
    check(state == "succeeded", f"a one-epoch mlp-64-16 job succeeds ({state}: {driver.find_element(By.ID, 'job-detail').text})")
    rows = driver.find_elements(By.CSS_SELECTOR, "#epochs-table tbody tr")
    check(len(rows) == 1, "its epoch is in the epoch table")
    scores = driver.find_element(By.ID, "scores").text
    accuracy = float(re.search(r"Test accuracy ([\d.]+)%", scores).group(1))
    check(accuracy > 85, f"one epoch reaches {accuracy}% on the test set")
    name = driver.find_element(By.ID, "save-name")
    name.clear()
    name.send_keys("browser-trained")
    driver.find_element(By.CSS_SELECTOR, "#save-form button").click()
    WebDriverWait(driver, 30).until(lambda d: "Saved as" in d.find_element(By.ID, "save-status").text)
    check(True, "the trained model was saved into the models folder")


def models_compare_per_class_f1(driver, base):
    if not os.environ.get("DIGITS_DATA"):
        print("SKIPPED: the per-class F1 comparison (it evaluates on the MNIST test set; set DIGITS_DATA)")
        return
    driver.get(f"{base}/models#compare=default.safetensors,browser-trained.safetensors")
    WebDriverWait(driver, 120, poll_frequency=1).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "ol.f1-bars li") or "unavailable" in d.find_element(By.ID, "f1").text)
    bars = driver.find_elements(By.CSS_SELECTOR, "ol.f1-bars li .f1-bar")
    check(len(bars) == 20, f"comparing two models draws a per-class F1 bar for each digit and model ({len(bars)} bars)")


def camera(driver, base):
    driver.get(base + "/camera")
    WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "camera-stats").text != ""
                                    or d.find_element(By.ID, "camera-message").is_displayed()
                                    and "Starting" not in d.find_element(By.ID, "camera-message").text)
    message = driver.find_element(By.ID, "camera-message")
    state = message.text if message.is_displayed() else driver.find_element(By.ID, "camera-stats").text
    check(state != "", f"the camera page either streams frames or says why not ({state!r})")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=str(ROOT / ".build/release/digits"))
    parser.add_argument("--out", default=str(ROOT / "out/screenshots"))
    arguments = parser.parse_args()
    out = Path(arguments.out)
    out.mkdir(parents=True, exist_ok=True)
    models = Path(tempfile.mkdtemp(prefix="digits-browser-"))
    shutil.copy(ROOT / "Models/default.safetensors", models / "default.safetensors")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(arguments.binary, models, port)
    driver = None
    try:
        driver = browser()
        draw_a_one(driver, base)
        correct_the_drawing(driver)
        screenshot(driver, out, "draw")
        upload_photos(driver, base)
        screenshot(driver, out, "upload")
        train_one_epoch(driver, base)
        screenshot(driver, out, "train")
        camera(driver, base)
        screenshot(driver, out, "camera")
        feedback_lists_the_correction(driver, base)
        screenshot(driver, out, "feedback")
        explore_draws_its_charts(driver, base)
        screenshot(driver, out, "explore")
        models_compare_per_class_f1(driver, base)
        WebDriverWait(driver, 60).until(lambda d: "measuring" not in d.find_element(By.TAG_NAME, "main").text)
        screenshot(driver, out, "models")
        errors = [entry["message"] for entry in driver.get_log("browser") if "favicon" not in entry["message"]]
        for error in errors:
            print(f"browser console: {error}")
        print(f"screenshots in {out}")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(models, ignore_errors=True)


if __name__ == "__main__":
    main()
