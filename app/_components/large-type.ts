// The reader's 大字 (large type) preference: kept in localStorage, applied as <html data-large-type="on">.
export const LARGE_TYPE_KEY = "newsdesk.largeType";
export const LARGE_TYPE_BOOT_SCRIPT = `try{if(localStorage.getItem("${LARGE_TYPE_KEY}")==="on")document.documentElement.dataset.largeType="on"}catch(e){}`;
