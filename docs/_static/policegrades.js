// Sorting and filtering of the generated grade tables: plain JavaScript, no network.
(function () {
  "use strict";

  function key(cell, asText) {
    var value = cell.getAttribute("data-sort");
    if (value === null) { value = cell.textContent.trim(); }
    if (asText) { return value.toLowerCase(); }
    var number = parseFloat(value);
    return isNaN(number) ? value.toLowerCase() : number;
  }

  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var asText = header.getAttribute("data-sort-as") === "text";
    rows.sort(function (a, b) {
      var x = key(a.cells[column], asText), y = key(b.cells[column], asText);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(header.parentNode.cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function wire(table) {
    var headers = table.querySelectorAll("tr.sort th");
    Array.prototype.forEach.call(headers, function (header, column) {
      header.addEventListener("click", function () { sortBy(table, column, header); });
    });
  }

  function filter(input) {
    var wanted = input.value.trim().toLowerCase();
    document.querySelectorAll("table.peel tbody tr").forEach(function (row) {
      var name = (row.getAttribute("data-force") || "").toLowerCase();
      row.classList.toggle("hidden", wanted !== "" && name.indexOf(wanted) === -1);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table.sortable").forEach(wire);
    document.querySelectorAll("input.force-filter").forEach(function (input) {
      input.addEventListener("input", function () { filter(input); });
    });
  });
})();
