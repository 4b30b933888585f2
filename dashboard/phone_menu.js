// The page menu closes after a page is tapped wherever it lies over the page, not only where the
// browser names itself a phone: Streamlit closes it only for a "mobile" user agent, so a narrow
// window, a tablet or a phone asking for the desktop site kept the menu open over the new page.
(() => {
  if (window.__indicatorsMenuCloses) return;
  window.__indicatorsMenuCloses = true;
  const covering = () => {
    const sidebar = document.querySelector('[data-testid=stSidebar]');
    const main = document.querySelector('[data-testid=stMain]');
    if (!sidebar || !main || sidebar.getAttribute('data-collapsed') === 'true') return null;
    // Beside the page (a wide screen) the page starts where the menu ends; over it, before.
    return sidebar.getBoundingClientRect().right > main.getBoundingClientRect().left + 1 ? sidebar : null;
  };
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('[data-testid=stSidebarNavLink]');
    if (!link || !covering()) return;
    // After Streamlit's own handler: where it closed the menu already, nothing is left to do.
    setTimeout(() => {
      if (covering()) document.querySelector('[data-testid=stSidebarCollapseButton] button')?.click();
    }, 60);
  }, true);
})();
