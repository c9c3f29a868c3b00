// The calendar draws only the time rows in view (CalendarPage.RowsVisible): this tells it which
// rows those are, once per animation frame, when the grid scrolls or its box changes size.
export function watchRows(scroller, page) {
    let pending = false, last = "";
    const report = () => {
        pending = false;
        const grid = scroller.querySelector(".askpro-calendar");
        const dayHead = grid?.querySelector(".day-head"), staffHead = grid?.querySelector(".staff-head");
        if (!grid || !staffHead) return;
        const rowHeight = parseFloat(getComputedStyle(document.documentElement).fontSize) * 1.4; // grid-template-rows: 1.4rem
        const header = (dayHead?.offsetHeight ?? 0) + staffHead.offsetHeight; // sticky: always on top
        const first = Math.max(0, Math.floor(scroller.scrollTop / rowHeight));
        const count = Math.max(1, Math.ceil((scroller.clientHeight - header) / rowHeight) + 1);
        const key = first + ":" + count;
        if (key === last) return;
        last = key;
        page.invokeMethodAsync("RowsVisible", first, count);
    };
    const schedule = () => {
        if (!pending) {
            pending = true;
            requestAnimationFrame(report);
        }
    };
    const resized = new ResizeObserver(schedule);
    scroller.addEventListener("scroll", schedule, { passive: true });
    resized.observe(scroller);
    schedule();
    return {
        dispose() {
            scroller.removeEventListener("scroll", schedule);
            resized.disconnect();
        },
    };
}
