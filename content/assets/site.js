/* What the pages want of a script, in place of Material's bundle (theme/main.html): every page works
   without it. The drawer (the menu on a phone) closes when one of its links is followed, as when a
   part of the page is chosen in its table of contents, or on Escape; the "back to top" button shows
   while the reader scrolls up a long page. */
(function () {
  var drawer = document.getElementById("__drawer");
  if (drawer) {
    document.addEventListener("click", function (event) {
      if (drawer.checked && event.target instanceof Element && event.target.closest(".md-sidebar a[href]")) {
        drawer.checked = false;
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) drawer.checked = false;
    });
  }
  var top = document.querySelector(".md-top");
  if (top) {
    var last = window.scrollY;
    window.addEventListener("scroll", function () {
      // Shown while scrolling up, away from the first screen; Material's styles fade it in and out.
      top.hidden = window.scrollY >= last || window.scrollY < window.innerHeight;
      last = window.scrollY;
    }, { passive: true });
    top.addEventListener("click", function () {
      top.hidden = true;
      top.blur();
      window.scrollTo({ top: 0 });
    });
  }
})();
