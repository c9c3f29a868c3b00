// AskPro's reconnect dialog. blazor.web.js reports the circuit's connection through
// "components-reconnect-state-changed" on #components-reconnect-modal; the dialog shows the
// matching German/English text (rendered by ReconnectModal.razor) through a data-state attribute.
(() => {
    const dialog = document.getElementById("components-reconnect-modal");
    if (!dialog) return;

    const setState = state => dialog.dataset.state = state;

    dialog.addEventListener("components-reconnect-state-changed", event => {
        const state = event.detail.state;
        if (state === "hide") { dialog.close(); return; }
        // The server is back but does not know this circuit (it restarted): a fresh page.
        if (state === "rejected" || state === "resume-failed") { location.reload(); return; }
        setState(state);
        if (!dialog.open) dialog.showModal();
        if (state === "failed") document.addEventListener("visibilitychange", retryWhenVisible);
    });

    async function retry() {
        document.removeEventListener("visibilitychange", retryWhenVisible);
        setState("retrying");
        try {
            // true: back; false: the server answered but lost the circuit.
            if (!await Blazor.reconnect()) location.reload();
        } catch {
            setState("failed");
            document.addEventListener("visibilitychange", retryWhenVisible);
        }
    }

    async function resume() {
        try {
            if (!await Blazor.resumeCircuit()) location.reload();
        } catch {
            location.reload();
        }
    }

    function retryWhenVisible() {
        if (document.visibilityState === "visible") retry();
    }

    document.getElementById("components-reconnect-button")?.addEventListener("click", retry);
    document.getElementById("components-resume-button")?.addEventListener("click", resume);
})();
