// Filters the story list as the desk types (the form works without it).
(function () {
  const box = document.getElementById("filter");
  const shown = document.getElementById("shown");
  if (!box) return;
  box.addEventListener("input", function () {
    const words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    let n = 0;
    document.querySelectorAll("table.stories tbody tr[data-text]").forEach(function (tr) {
      const ok = words.every(function (w) { return tr.dataset.text.includes(w); });
      tr.hidden = !ok;
      if (ok) n += 1;
    });
    if (shown) shown.textContent = String(n);
  });
})();
