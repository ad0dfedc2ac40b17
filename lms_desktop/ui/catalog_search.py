"""The catalog's search wiring: the search box's query goes to the catalog model online, or to the
downloaded courses' index offline (the offline results panel takes the list's place), and the box shows
how many courses were found.

Why apart from the main window: the window only places pages; choosing where a query goes and what the
count says is this module's concern.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from lms_desktop.client import CourseQuery, LmsClient
from lms_desktop.ui.catalog.model import CatalogModel
from lms_desktop.ui.catalog.page import CatalogPage
from lms_desktop.ui.offline_search import OfflineSearchPanel, offline_searcher
from lms_desktop.ui.tasks import TaskRunner


class CatalogSearch(QObject):
    """Owns the offline results panel (placed under the catalog's search bar) and keeps the count."""

    def __init__(
        self, client: LmsClient, runner: TaskRunner, model: CatalogModel, catalog: CatalogPage
    ) -> None:
        super().__init__(catalog)
        self._client = client
        self._runner = runner
        self._model = model
        self._catalog = catalog
        self.results = OfflineSearchPanel(catalog)
        catalog.layout().insertWidget(2, self.results, 1)  # type: ignore[union-attr]
        self.results.hide()
        catalog.search.queryChanged.connect(self.search)
        model.statusChanged.connect(self._on_status)
        model.staleChanged.connect(lambda _stale: self._on_status(model.status))
        self.results.counted.connect(self._offline_count)
        client.on_online_changed(lambda _online: self.search(catalog.search.query()))

    def search(self, query: CourseQuery) -> None:
        """Online (or an empty query): the catalog model; offline with words: the downloaded courses."""
        if self._client.user is None:
            return
        self._catalog.search.set_result_count(None)
        search = offline_searcher(self._client)
        offline = search is not None and not self._client.online and bool(query.q.strip())
        self.results.setVisible(offline)
        self._catalog.view.setVisible(not offline)
        if offline and search is not None:

            async def run() -> list[object]:
                return await self._runner.in_thread(search, query.q)  # type: ignore[arg-type]

            self._runner.run(
                run(),
                owner=self,
                key="offline-search",
                done=lambda hits: self.results.show_results(query.q, hits),  # type: ignore[arg-type]
            )
            return
        self._model.set_query(query)

    def _offline_count(self, n: int) -> None:
        text = self.tr("1 result") if n == 1 else self.tr("%1 results").replace("%1", str(n))
        self._catalog.search.count.setText(text)

    def _on_status(self, status: str) -> None:
        if status in ("ready", "empty"):
            self._catalog.search.set_result_count(
                self._model.total, saved=self._model.stale, estimate=self._model.total_is_estimate
            )
        elif status == "error":
            self._catalog.search.count.setText("")
