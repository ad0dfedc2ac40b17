<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="60"/>
        <source>Learn from an LMS server, online and offline.</source>
        <extracomment>the libraries the app ships with and their licences (the wheel&apos;s dependencies)</extracomment>
        <translation>Lernen mit einem LMS-Server – online und offline.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="61"/>
        <source>Licensed under the MIT License.</source>
        <translation>Lizenziert unter der MIT-Lizenz.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="62"/>
        <source>Qt {0}, PySide6 {1}, Python {2}</source>
        <translation>Qt {0}, PySide6 {1}, Python {2}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="63"/>
        <source>Third-party software</source>
        <translation>Software von Drittanbietern</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="73"/>
        <location filename="../../lms_desktop/ui/about.py" line="79"/>
        <source>About {0}</source>
        <translation>Über {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="79"/>
        <source>Version and licenses</source>
        <translation>Version und Lizenzen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="85"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="85"/>
        <source>Close this window</source>
        <translation>Dieses Fenster schließen</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="78"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="79"/>
        <source>Load the current page again from the server</source>
        <translation>Die aktuelle Seite neu vom Server laden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="86"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="87"/>
        <source>Theme, text size, language, cache and server</source>
        <translation>Farbschema, Schriftgröße, Sprache, Cache und Server</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="94"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="95"/>
        <source>Sign out of this account</source>
        <translation>Von diesem Konto abmelden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="99"/>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="100"/>
        <source>Show the folder with the application&apos;s log files</source>
        <translation>Den Ordner mit den Protokolldateien der Anwendung anzeigen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="104"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="105"/>
        <source>Quit LMS Desktop</source>
        <translation>LMS Desktop beenden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="112"/>
        <source>&amp;Find courses</source>
        <translation>Kurse &amp;suchen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="113"/>
        <source>Search the catalog</source>
        <translation>Den Katalog durchsuchen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="120"/>
        <source>As a &amp;list</source>
        <translation>Als &amp;Liste</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="121"/>
        <source>Show the catalog as a list</source>
        <translation>Den Katalog als Liste anzeigen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="126"/>
        <source>As a &amp;grid</source>
        <translation>Als &amp;Raster</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="127"/>
        <source>Show the catalog as a grid of tiles</source>
        <translation>Den Katalog als Raster aus Kacheln anzeigen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="132"/>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="133"/>
        <source>Larger text</source>
        <translation>Größere Schrift</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="141"/>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="142"/>
        <source>Smaller text</source>
        <translation>Kleinere Schrift</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="149"/>
        <source>&amp;Actual size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="150"/>
        <source>Text at its normal size</source>
        <translation>Schrift in normaler Größe</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="156"/>
        <source>&amp;Catalog</source>
        <translation>&amp;Katalog</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="157"/>
        <source>Browse and search all courses</source>
        <translation>Alle Kurse durchsuchen und entdecken</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="162"/>
        <source>&amp;My learning</source>
        <translation>&amp;Meine Kurse</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="163"/>
        <source>Your courses and progress</source>
        <translation>Ihre Kurse und Ihr Fortschritt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="168"/>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="169"/>
        <source>Go back to the previous page</source>
        <translation>Zur vorherigen Seite zurückkehren</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="176"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="177"/>
        <source>List every keyboard shortcut</source>
        <translation>Alle Tastenkürzel auflisten</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="185"/>
        <source>&amp;About LMS Desktop</source>
        <translation>&amp;Über LMS Desktop</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="186"/>
        <source>Version and licenses</source>
        <translation>Version und Lizenzen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="224"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="195"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="198"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="200"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="204"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
</context>
<context>
    <name>AppStatusBar</name>
    <message>
        <location filename="../../lms_desktop/ui/status_bar.py" line="65"/>
        <source>All changes saved</source>
        <extracomment>emitted on the UI thread for every online/offline change reported by the client</extracomment>
        <translation>Alle Änderungen gespeichert</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/status_bar.py" line="67"/>
        <source>%n change(s) to sync</source>
        <translation>
            <numerusform>%n Änderung wird synchronisiert</numerusform>
            <numerusform>%n Änderungen werden synchronisiert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/status_bar.py" line="74"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/status_bar.py" line="74"/>
        <source>Offline — showing saved data</source>
        <translation>Offline – gespeicherte Daten werden angezeigt</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <location filename="../../lms_desktop/ui/catalog/model.py" line="95"/>
        <source>Loading…</source>
        <extracomment>a page answer came from cache past its freshness (offline): the view can say &quot;cached&quot; a fetch was started (page number); tests and the status bar count these</extracomment>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/model.py" line="99"/>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../lms_desktop/ui/catalog/page.py" line="25"/>
        <source>Browse courses</source>
        <translation>Kurse entdecken</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/page.py" line="26"/>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/page.py" line="27"/>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/page.py" line="28"/>
        <source>List view</source>
        <translation>Listenansicht</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/page.py" line="28"/>
        <source>Show the courses as a list</source>
        <translation>Die Kurse als Liste anzeigen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/page.py" line="29"/>
        <source>Grid view</source>
        <translation>Rasteransicht</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/page.py" line="29"/>
        <source>Show the courses as a grid of tiles</source>
        <translation>Die Kurse als Raster aus Kacheln anzeigen</translation>
    </message>
</context>
<context>
    <name>CatalogSearch</name>
    <message>
        <location filename="../../lms_desktop/ui/catalog_search.py" line="64"/>
        <source>1 result</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog_search.py" line="64"/>
        <source>%1 results</source>
        <translation>%1 Treffer</translation>
    </message>
</context>
<context>
    <name>CatalogView</name>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="140"/>
        <source>Courses</source>
        <translation>Kurse</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="142"/>
        <source>The courses found; arrow keys move between them, Enter opens one</source>
        <translation>Die gefundenen Kurse; Pfeiltasten wechseln zwischen ihnen, Eingabe öffnet einen</translation>
    </message>
</context>
<context>
    <name>CourseCard</name>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="18"/>
        <source>Beginner</source>
        <translation>Einsteiger</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="19"/>
        <source>Intermediate</source>
        <translation>Mittelstufe</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="20"/>
        <source>Advanced</source>
        <translation>Fortgeschritten</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="26"/>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="27"/>
        <source>{0} h</source>
        <translation>{0} Std.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="35"/>
        <source>Too few ratings to show</source>
        <translation>Zu wenige Bewertungen für eine Anzeige</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="36"/>
        <source>No ratings yet</source>
        <translation>Noch keine Bewertungen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="37"/>
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n Bewertung</numerusform>
            <numerusform>%n Bewertungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="38"/>
        <source>Rated {0} of 5 from {1}</source>
        <translation>Bewertet mit {0} von 5 aus {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="43"/>
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n Lernende:r</numerusform>
            <numerusform>%n Lernende</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="58"/>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="103"/>
        <source>Enrolled</source>
        <translation>Eingeschrieben</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="60"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="62"/>
        <source>{0}% complete</source>
        <translation>{0} % erledigt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="65"/>
        <source>Not enrolled</source>
        <translation>Nicht eingeschrieben</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="67"/>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="102"/>
        <source>Available offline</source>
        <translation>Offline verfügbar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="96"/>
        <source>too few ratings</source>
        <translation>zu wenige Bewertungen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="97"/>
        <source>no ratings yet</source>
        <translation>noch keine Bewertungen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="108"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>CourseOutline</name>
    <message>
        <location filename="../../lms_desktop/ui/course_outline.py" line="31"/>
        <source>Course content</source>
        <translation>Kursinhalt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_outline.py" line="32"/>
        <source>Lessons and their sections; press Enter on a section to read it</source>
        <translation>Lektionen und ihre Abschnitte; Eingabe auf einem Abschnitt öffnet ihn</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_outline.py" line="58"/>
        <source>Lesson {0}: {1}, {2} of {3} sections done</source>
        <translation>Lektion {0}: {1}, {2} von {3} Abschnitten erledigt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_outline.py" line="88"/>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_outline.py" line="89"/>
        <source>completed</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_outline.py" line="89"/>
        <source>not completed</source>
        <translation>nicht erledigt</translation>
    </message>
</context>
<context>
    <name>CourseView</name>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="104"/>
        <location filename="../../lms_desktop/ui/course_view.py" line="106"/>
        <source>Back</source>
        <extracomment>the course&apos;s meta arrived (course id): the page now shows only this course&apos;s data another course is being shown (course id); its data follows with `loaded`</extracomment>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="106"/>
        <source>Return to the previous page (Esc)</source>
        <translation>Zurück zur vorherigen Seite (Esc)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="141"/>
        <source>Your rating</source>
        <translation>Ihre Bewertung</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="151"/>
        <location filename="../../lms_desktop/ui/course_view.py" line="160"/>
        <source>Enroll</source>
        <translation>Einschreiben</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="154"/>
        <location filename="../../lms_desktop/ui/course_view.py" line="334"/>
        <source>Continue</source>
        <translation>Weiterlernen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="157"/>
        <location filename="../../lms_desktop/ui/course_view.py" line="161"/>
        <source>Unenroll</source>
        <translation>Austragen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="160"/>
        <source>Join this course</source>
        <translation>Sich in diesen Kurs einschreiben</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="161"/>
        <source>Leave this course</source>
        <translation>Diesen Kurs verlassen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="167"/>
        <source>Course progress</source>
        <translation>Kursfortschritt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="180"/>
        <source>Course content</source>
        <translation>Kursinhalt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="209"/>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="251"/>
        <source>Couldn’t load this course: {0}.</source>
        <translation>Dieser Kurs konnte nicht geladen werden: {0}.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="254"/>
        <source>Course unavailable</source>
        <translation>Kurs nicht verfügbar</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/course_view.py" line="262"/>
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n Lektion</numerusform>
            <numerusform>%n Lektionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/course_view.py" line="263"/>
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n Abschnitt</numerusform>
            <numerusform>%n Abschnitte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="269"/>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/course_view.py" line="285"/>
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n Bewertung</numerusform>
            <numerusform>%n Bewertungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="286"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/course_view.py" line="288"/>
        <source>%n rating(s) so far</source>
        <translation>
            <numerusform>%n Bewertung bisher</numerusform>
            <numerusform>%n Bewertungen bisher</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="290"/>
        <source>No ratings yet</source>
        <translation>Noch keine Bewertungen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="325"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="325"/>
        <source>{0}% complete</source>
        <translation>{0} % erledigt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="330"/>
        <source>Review</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="330"/>
        <source>Read this finished course again</source>
        <translation>Diesen abgeschlossenen Kurs noch einmal lesen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="332"/>
        <source>Start course</source>
        <translation>Kurs beginnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="332"/>
        <source>Open the first section</source>
        <translation>Den ersten Abschnitt öffnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="334"/>
        <source>Open the next section you have not finished</source>
        <translation>Den nächsten noch nicht erledigten Abschnitt öffnen</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="40"/>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="41"/>
        <source>{0} h {1} min</source>
        <translation>{0} Std. {1} Min.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="49"/>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="51"/>
        <source>Under a minute</source>
        <translation>Unter einer Minute</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="53"/>
        <source>{0} spent</source>
        <translation>{0} gelernt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="58"/>
        <source>No activity yet</source>
        <translation>Noch keine Aktivität</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="62"/>
        <source>Active just now</source>
        <translation>Gerade eben aktiv</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="64"/>
        <source>Active {0} min ago</source>
        <translation>Vor {0} Min. aktiv</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/dashboard.py" line="67"/>
        <source>Active %n hour(s) ago</source>
        <translation>
            <numerusform>Vor %n Stunde aktiv</numerusform>
            <numerusform>Vor %n Stunden aktiv</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="70"/>
        <source>Active yesterday</source>
        <translation>Gestern aktiv</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/dashboard.py" line="72"/>
        <source>Active %n day(s) ago</source>
        <translation>
            <numerusform>Vor %n Tag aktiv</numerusform>
            <numerusform>Vor %n Tagen aktiv</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="73"/>
        <source>Active on {0}</source>
        <translation>Aktiv am {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/dashboard.py" line="87"/>
        <source>{0} of %n section(s)</source>
        <translation>
            <numerusform>{0} von %n Abschnitt</numerusform>
            <numerusform>{0} von %n Abschnitten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="136"/>
        <location filename="../../lms_desktop/ui/dashboard.py" line="166"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="169"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="184"/>
        <source>Review</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="186"/>
        <source>Continue</source>
        <translation>Weiterlernen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="194"/>
        <source>Read “{0}” again</source>
        <translation>„{0}“ noch einmal lesen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="196"/>
        <source>Continue “{0}” where you stopped</source>
        <translation>„{0}“ dort fortsetzen, wo Sie aufgehört haben</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="138"/>
        <source>{0}% complete</source>
        <translation>{0} % erledigt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="145"/>
        <source>Enter opens the course.</source>
        <translation>Eingabe öffnet den Kurs.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="253"/>
        <source>My learning</source>
        <translation>Meine Kurse</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="296"/>
        <source>Loading your courses…</source>
        <translation>Ihre Kurse werden geladen …</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="301"/>
        <source>You are not enrolled in any course yet.</source>
        <translation>Sie sind noch in keinen Kurs eingeschrieben.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="303"/>
        <source>Browse the catalog</source>
        <translation>Katalog durchsuchen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="305"/>
        <source>Find a course to enroll in</source>
        <translation>Einen Kurs zum Einschreiben finden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/dashboard.py" line="318"/>
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n Kurs</numerusform>
            <numerusform>%n Kurse</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="320"/>
        <source>{0} completed</source>
        <translation>{0} abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="321"/>
        <source>{0} of learning</source>
        <translation>{0} Lernzeit</translation>
    </message>
</context>
<context>
    <name>DashboardRow</name>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="173"/>
        <source>✓ Available offline</source>
        <translation>✓ Offline verfügbar</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../../lms_desktop/ui/i18n.py" line="40"/>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/document.py" line="43"/>
        <source>Section text</source>
        <translation>Abschnittstext</translation>
    </message>
</context>
<context>
    <name>Downloads</name>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="124"/>
        <source>Quiz attempt in section {0} of {1}</source>
        <translation>Quiz-Versuch in Abschnitt {0} von „{1}“</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="115"/>
        <source>course {0}</source>
        <translation>Kurs {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="118"/>
        <source>Enroll in {0}</source>
        <translation>In „{0}“ einschreiben</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="120"/>
        <source>Leave {0}</source>
        <translation>„{0}“ verlassen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="122"/>
        <source>Rate {0}: {1} of 5</source>
        <translation>„{0}“ bewerten: {1} von 5</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="127"/>
        <source>Section {0} of {1} completed</source>
        <translation>Abschnitt {0} von „{1}“ erledigt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="130"/>
        <source>Progress in section {0} of {1}</source>
        <translation>Fortschritt in Abschnitt {0} von „{1}“</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="34"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="35"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="36"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="37"/>
        <source>Captions</source>
        <translation>Untertitel</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="38"/>
        <source>Videos</source>
        <translation>Videos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="55"/>
        <source>never synced</source>
        <translation>nie synchronisiert</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="59"/>
        <source>last sync just now</source>
        <translation>zuletzt gerade eben synchronisiert</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="61"/>
        <source>synced just now</source>
        <translation>gerade eben synchronisiert</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="66"/>
        <source>last sync {0} min ago</source>
        <translation>zuletzt vor {0} Min. synchronisiert</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="68"/>
        <source>synced {0} min ago</source>
        <translation>vor {0} Min. synchronisiert</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="73"/>
        <source>last sync {0} h ago</source>
        <translation>zuletzt vor {0} Std. synchronisiert</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="75"/>
        <source>synced {0} h ago</source>
        <translation>vor {0} Std. synchronisiert</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="79"/>
        <source>last sync on {0}</source>
        <translation>zuletzt am {0} synchronisiert</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="81"/>
        <source>synced on {0}</source>
        <translation>am {0} synchronisiert</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/offline_status.py" line="93"/>
        <source>%n change(s) need(s) attention</source>
        <translation>
            <numerusform>%n Änderung braucht Ihre Aufmerksamkeit</numerusform>
            <numerusform>%n Änderungen brauchen Ihre Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="99"/>
        <source>Syncing…</source>
        <translation>Wird synchronisiert …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/offline_status.py" line="103"/>
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n Änderung wartet auf die Synchronisierung</numerusform>
            <numerusform>%n Änderungen warten auf die Synchronisierung</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="106"/>
        <source>All changes synced</source>
        <translation>Alle Änderungen synchronisiert</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_install.py" line="23"/>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_install.py" line="24"/>
        <source>Courses kept for offline use, and changes waiting to sync</source>
        <translation>Offline verfügbare Kurse und Änderungen, die auf die Synchronisierung warten</translation>
    </message>
</context>
<context>
    <name>DownloadsView</name>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="88"/>
        <source>Downloads</source>
        <extracomment>(course id, state) whenever a course&apos;s offline state changes: &quot;downloading&quot;, &quot;complete&quot;, &quot;partial&quot;, &quot;removed&quot;, &quot;failed&quot;</extracomment>
        <translation>Downloads</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="98"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="101"/>
        <source>Cancel download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="101"/>
        <source>Stop the download; resume it later</source>
        <translation>Den Download anhalten und später fortsetzen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="103"/>
        <source>Download progress</source>
        <translation>Download-Fortschritt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="122"/>
        <source>No courses are kept for offline use yet. Open a course and choose “Make available offline”.</source>
        <translation>Noch keine Kurse offline verfügbar. Öffnen Sie einen Kurs und wählen Sie „Offline verfügbar machen“.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="127"/>
        <source>Changes waiting for the server</source>
        <translation>Änderungen, die auf den Server warten</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/downloads_view.py" line="186"/>
        <source>%n course(s) kept for offline use, {0}</source>
        <translation>
            <numerusform>%n Kurs offline verfügbar, {0}</numerusform>
            <numerusform>%n Kurse offline verfügbar, {0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="190"/>
        <source>Keep courses on this computer to read them without a network.</source>
        <translation>Behalten Sie Kurse auf diesem Computer, um sie ohne Netzwerk zu lesen.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="201"/>
        <source> — they are sent automatically when the server is reachable.</source>
        <translation> – sie werden automatisch gesendet, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="245"/>
        <source>Downloading “{0}”…</source>
        <translation>„{0}“ wird heruntergeladen …</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="247"/>
        <source>Downloading course {0}…</source>
        <translation>Kurs {0} wird heruntergeladen …</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="277"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="286"/>
        <source>Download stopped: {0}. Resume it any time.</source>
        <translation>Download angehalten: {0}. Sie können ihn jederzeit fortsetzen.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="288"/>
        <source>Course available offline.</source>
        <translation>Der Kurs ist jetzt offline verfügbar.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="36"/>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="42"/>
        <source>Something went wrong in the background: {0}</source>
        <translation>Im Hintergrund ist etwas schiefgelaufen: {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="48"/>
        <source>Your work is saved. If this keeps happening, copy the details into a bug report.</source>
        <translation>Ihre Arbeit ist gespeichert. Wenn das öfter passiert, kopieren Sie die Details in einen Fehlerbericht.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="56"/>
        <source>Technical details</source>
        <translation>Technische Details</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="56"/>
        <source>The error report, read-only</source>
        <translation>Der Fehlerbericht, schreibgeschützt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="59"/>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="60"/>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="62"/>
        <source>Put the technical details on the clipboard</source>
        <translation>Die technischen Details in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="63"/>
        <source>Open the folder with the application&apos;s log files</source>
        <translation>Den Ordner mit den Protokolldateien der Anwendung öffnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="70"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="70"/>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="36"/>
        <source>you are offline</source>
        <extracomment>the client&apos;s fixed phrases, named here so that lupdate keeps them in the catalogue</extracomment>
        <translation>Sie sind offline</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="37"/>
        <source>please sign in again</source>
        <translation>bitte melden Sie sich erneut an</translation>
    </message>
</context>
<context>
    <name>FileCard</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="110"/>
        <source>Couldn’t get the file: %1.</source>
        <translation>Die Datei konnte nicht geholt werden: %1.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="70"/>
        <source>Getting the file…</source>
        <translation>Datei wird geholt …</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="39"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="41"/>
        <source>Open the file</source>
        <translation>Die Datei öffnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="43"/>
        <source>Save as…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="93"/>
        <source>Save file</source>
        <translation>Datei speichern</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="44"/>
        <source>Save the file as</source>
        <translation>Die Datei speichern unter</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="105"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="61"/>
        <source>This file is missing from the course.</source>
        <translation>Diese Datei fehlt im Kurs.</translation>
    </message>
</context>
<context>
    <name>LearnerState</name>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="208"/>
        <source>Couldn’t enroll in “{0}”: {1}.</source>
        <extracomment>course id -&gt; percent complete for every enrolled course (catalog cards read this) (course id, enrolled) (course id, own rating or None) (course id, CourseRating) after the server answered a rating (new average) (section id, course id, completed) the learner&apos;s writes sent and not yet answered (the outbox&apos;s queued changes are counted apart)</extracomment>
        <translation>Einschreiben in „{0}“ nicht möglich: {1}.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="209"/>
        <source>Couldn’t enroll: {0}.</source>
        <translation>Einschreiben nicht möglich: {0}.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="235"/>
        <source>Couldn’t leave “{0}”: {1}.</source>
        <translation>„{0}“ konnte nicht verlassen werden: {1}.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="236"/>
        <source>Couldn’t leave the course: {0}.</source>
        <translation>Der Kurs konnte nicht verlassen werden: {0}.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="260"/>
        <source>Couldn’t save your rating of “{0}”: {1}.</source>
        <translation>Ihre Bewertung von „{0}“ konnte nicht gespeichert werden: {1}.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="261"/>
        <source>Couldn’t save your rating: {0}.</source>
        <translation>Ihre Bewertung konnte nicht gespeichert werden: {0}.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="295"/>
        <source>Couldn’t mark the section complete: {0}.</source>
        <translation>Der Abschnitt konnte nicht als erledigt markiert werden: {0}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../lms_desktop/ui/main_window.py" line="120"/>
        <source>Catalog</source>
        <extracomment>the window was closed by the learner (the launcher then shuts down)</extracomment>
        <translation>Katalog</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/main_window.py" line="120"/>
        <source>Browse and search all courses</source>
        <translation>Alle Kurse durchsuchen und entdecken</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/main_window.py" line="123"/>
        <source>My learning</source>
        <translation>Meine Kurse</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/main_window.py" line="123"/>
        <source>Your courses and progress</source>
        <translation>Ihre Kurse und Ihr Fortschritt</translation>
    </message>
</context>
<context>
    <name>Offline</name>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="138"/>
        <source>The list of changes waiting to be sent was damaged and could not be read: changes not yet sent may be lost.</source>
        <translation>Die Liste der noch zu sendenden Änderungen war beschädigt und konnte nicht gelesen werden: Noch nicht gesendete Änderungen sind möglicherweise verloren.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/offline_status.py" line="143"/>
        <source>The list of changes waiting to be sent was damaged. Recovered: %n.</source>
        <translation>
            <numerusform>Die Liste der noch zu sendenden Änderungen war beschädigt. Wiederhergestellt: %n.</numerusform>
            <numerusform>Die Liste der noch zu sendenden Änderungen war beschädigt. Wiederhergestellt: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/offline_status.py" line="146"/>
        <source>Could not be recovered: %n.</source>
        <translation>
            <numerusform>Nicht wiederherstellbar: %n.</numerusform>
            <numerusform>Nicht wiederherstellbar: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfflineButton</name>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="30"/>
        <location filename="../../lms_desktop/ui/offline_button.py" line="32"/>
        <location filename="../../lms_desktop/ui/offline_button.py" line="57"/>
        <source>Make available offline</source>
        <translation>Offline verfügbar machen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="52"/>
        <source>Downloading…</source>
        <translation>Wird heruntergeladen …</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="53"/>
        <source>Waiting to download…</source>
        <translation>Wartet auf den Download …</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="54"/>
        <source>Available offline</source>
        <translation>Offline verfügbar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="55"/>
        <source>Kept offline</source>
        <translation>Offline behalten</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="56"/>
        <source>Resume download</source>
        <translation>Download fortsetzen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="61"/>
        <source>Keep this course on this computer to read it without a network</source>
        <translation>Diesen Kurs auf diesem Computer behalten, um ihn ohne Netzwerk zu lesen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="64"/>
        <source>This course is kept on this computer</source>
        <translation>Dieser Kurs ist auf diesem Computer gespeichert</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="81"/>
        <source>Downloading… {0}%</source>
        <translation>Wird heruntergeladen … {0} %</translation>
    </message>
</context>
<context>
    <name>OfflineSearchPanel</name>
    <message>
        <location filename="../../lms_desktop/ui/offline_search.py" line="44"/>
        <source>Searching your downloaded courses</source>
        <translation>Ihre heruntergeladenen Kurse werden durchsucht</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_search.py" line="50"/>
        <source>Results in your downloaded courses</source>
        <translation>Treffer in Ihren heruntergeladenen Kursen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_search.py" line="67"/>
        <source>Nothing in your downloaded courses matches “%1”.</source>
        <translation>Nichts in Ihren heruntergeladenen Kursen passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>OfflineStatusLabel</name>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="196"/>
        <source>Last problem: {0}</source>
        <translation>Letztes Problem: {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="197"/>
        <source>Changes made offline are kept on this computer and sent when the server is back.</source>
        <translation>Offline vorgenommene Änderungen bleiben auf diesem Computer und werden gesendet, sobald der Server wieder erreichbar ist.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="205"/>
        <source>All changes synced</source>
        <translation>Alle Änderungen synchronisiert</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/outline.py" line="79"/>
        <source>Course outline</source>
        <translation>Kursgliederung</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/outline.py" line="81"/>
        <source>Lessons and their sections; press Enter on a section to read it</source>
        <translation>Lektionen und ihre Abschnitte; Eingabe auf einem Abschnitt öffnet ihn</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="49"/>
        <source>completed</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="50"/>
        <source>not completed</source>
        <translation>nicht erledigt</translation>
    </message>
</context>
<context>
    <name>QuizView</name>
    <message numerus="yes">
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="22"/>
        <source>%n attempt(s) left</source>
        <translation>
            <numerusform>Noch %n Versuch</numerusform>
            <numerusform>Noch %n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="5"/>
        <source>A number, e.g. 3.14</source>
        <translation>Eine Zahl, z. B. 3,14</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="6"/>
        <source>Enter a number, like 42 or 3.14.</source>
        <translation>Geben Sie eine Zahl ein, etwa 42 oder 3,14.</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="36"/>
        <source>Loading your attempts…</source>
        <translation>Ihre Versuche werden geladen …</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="23"/>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="38"/>
        <source>No attempts left</source>
        <translation>Keine Versuche mehr</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="14"/>
        <source>Not scored</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="41"/>
        <source>Not submitted: {why}.</source>
        <translation>Nicht abgegeben: {why}.</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="12"/>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="24"/>
        <source>Question {n}</source>
        <translation>Frage {n}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="25"/>
        <source>Question {n}  ·  %n point(s)</source>
        <translation>
            <numerusform>Frage {n}  ·  %n Punkt</numerusform>
            <numerusform>Frage {n}  ·  %n Punkte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="19"/>
        <source>Question {n}  ·  {points} points</source>
        <translation>Frage {n}  ·  {points} Punkte</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="8"/>
        <source>Question {n}: {what}</source>
        <translation>Frage {n}: {what}</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="17"/>
        <source>Score: {score} of {max} ({percent}%)</source>
        <translation>Ergebnis: {score} von {max} ({percent} %)</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="33"/>
        <source>Submit</source>
        <translation>Abgeben</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="34"/>
        <source>Submit answers</source>
        <translation>Antworten abgeben</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="13"/>
        <source>Submitted. This quiz has no scored questions.</source>
        <translation>Abgegeben. Dieses Quiz hat keine bewerteten Fragen.</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="37"/>
        <source>Submitting…</source>
        <translation>Wird abgegeben …</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="3"/>
        <source>This question can&apos;t be answered here.</source>
        <translation>Diese Frage lässt sich hier nicht beantworten.</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="39"/>
        <source>This quiz has no questions.</source>
        <translation>Dieses Quiz hat keine Fragen.</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="30"/>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="31"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="18"/>
        <source>Unlimited attempts</source>
        <translation>Beliebig viele Versuche</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="7"/>
        <source>Write your answer (Ctrl+Enter submits)</source>
        <translation>Schreiben Sie Ihre Antwort (Strg+Eingabe gibt ab)</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="4"/>
        <source>Your answer</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="40"/>
        <source>Question {n}: {why}</source>
        <translation>Frage {n}: {why}</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="42"/>
        <source>Your attempt was not accepted: {why}.</source>
        <translation>Ihr Versuch wurde nicht angenommen: {why}.</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="43"/>
        <source>Your earlier attempts can&apos;t be shown right now ({why}).</source>
        <translation>Ihre früheren Versuche können gerade nicht angezeigt werden ({why}).</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="10"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="27"/>
        <source>best score {score} of {max}</source>
        <translation>bestes Ergebnis {score} von {max}</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="21"/>
        <source>best {score} of {max}</source>
        <translation>bestes {score} von {max}</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="26"/>
        <source>quiz average {percent}%</source>
        <translation>Quiz-Durchschnitt {percent} %</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="9"/>
        <source>your answer</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="11"/>
        <source>your essay</source>
        <translation>Ihr Aufsatz</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="20"/>
        <source>{mark}  ·  {got} of {max} points</source>
        <translation>{mark}  ·  {got} von {max} Punkten</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="15"/>
        <source>✓ Correct</source>
        <translation>✓ Richtig</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="16"/>
        <source>✗ Incorrect</source>
        <translation>✗ Falsch</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/quiz/texts.py" line="82"/>
        <source>Submitted - scored when you&apos;re back online</source>
        <translation>Abgegeben – wird bewertet, sobald Sie wieder online sind</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="28"/>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="35"/>
        <source>Send your answers to be scored</source>
        <translation>Ihre Antworten zur Bewertung abgeben</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="32"/>
        <source>Start a new attempt at this quiz</source>
        <translation>Einen neuen Versuch für dieses Quiz beginnen</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="29"/>
        <source>The quiz&apos;s questions; arrow keys scroll when it has the focus</source>
        <translation>Die Fragen des Quiz; mit Fokus blättern die Pfeiltasten</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../lms_desktop/ui/reader.py" line="176"/>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/reader.py" line="200"/>
        <source>Section unavailable</source>
        <translation>Abschnitt nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/reader.py" line="202"/>
        <source>Couldn’t load this section: %1.</source>
        <translation>Dieser Abschnitt konnte nicht geladen werden: %1.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/reader.py" line="344"/>
        <source>“%1” is complete.</source>
        <translation>„%1“ ist abgeschlossen.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/reader.py" line="346"/>
        <source>You reached the end of “%1”.</source>
        <translation>Sie haben das Ende von „%1“ erreicht.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="45"/>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="46"/>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="47"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="48"/>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="49"/>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="50"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="51"/>
        <source>Web link</source>
        <translation>Weblink</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="52"/>
        <source>Discussion</source>
        <translation>Diskussion</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="53"/>
        <source>External activity</source>
        <translation>Externe Aktivität</translation>
    </message>
</context>
<context>
    <name>ReaderFooter</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="20"/>
        <source>←  Previous</source>
        <translation>←  Zurück</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="22"/>
        <source>Previous section (Alt+Left)</source>
        <translation>Vorheriger Abschnitt (Alt+Links)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="23"/>
        <source>Open the section before this one</source>
        <translation>Den Abschnitt vor diesem öffnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="24"/>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="42"/>
        <source>Mark complete</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="26"/>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="37"/>
        <source>Next  →</source>
        <translation>Weiter  →</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="28"/>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="39"/>
        <source>Next section (Alt+Right)</source>
        <translation>Nächster Abschnitt (Alt+Rechts)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="29"/>
        <source>Open the section after this one</source>
        <translation>Den Abschnitt nach diesem öffnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="37"/>
        <source>Finish  ✓</source>
        <translation>Abschließen  ✓</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="38"/>
        <source>Finish: back to the course page (Alt+Right)</source>
        <translation>Abschließen: zurück zur Kursseite (Alt+Rechts)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="42"/>
        <source>Completed  ✓</source>
        <translation>Abgeschlossen  ✓</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="44"/>
        <source>Enroll in the course to track your progress</source>
        <translation>Schreiben Sie sich in den Kurs ein, um Ihren Fortschritt festzuhalten</translation>
    </message>
</context>
<context>
    <name>ReaderHeader</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_header.py" line="26"/>
        <source>←  Course</source>
        <translation>←  Kurs</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_header.py" line="28"/>
        <source>Back to the course (Esc)</source>
        <translation>Zurück zum Kurs (Esc)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_header.py" line="29"/>
        <source>Return to the course page (Esc)</source>
        <translation>Zurück zur Kursseite (Esc)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_header.py" line="30"/>
        <source>Outline</source>
        <translation>Gliederung</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_header.py" line="33"/>
        <source>Show or hide the outline (Ctrl+Shift+O)</source>
        <translation>Gliederung ein- oder ausblenden (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_header.py" line="35"/>
        <source>The course&apos;s lessons and sections beside the text</source>
        <translation>Die Lektionen und Abschnitte des Kurses neben dem Text</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_header.py" line="52"/>
        <source>Section %1 of %2</source>
        <translation>Abschnitt %1 von %2</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="27"/>
        <source>Any level</source>
        <translation>Jedes Niveau</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="28"/>
        <source>Beginner</source>
        <translation>Einsteiger</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="29"/>
        <source>Intermediate</source>
        <translation>Mittelstufe</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="30"/>
        <source>Advanced</source>
        <translation>Fortgeschritten</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="33"/>
        <source>Any length</source>
        <translation>Jede Dauer</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="34"/>
        <source>Up to 2 hours</source>
        <translation>Bis zu 2 Stunden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="35"/>
        <source>Up to 5 hours</source>
        <translation>Bis zu 5 Stunden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="36"/>
        <source>Up to 10 hours</source>
        <translation>Bis zu 10 Stunden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="37"/>
        <source>Up to 20 hours</source>
        <translation>Bis zu 20 Stunden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="40"/>
        <source>Best match</source>
        <translation>Beste Treffer</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="41"/>
        <source>Most popular</source>
        <translation>Beliebteste</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="42"/>
        <source>Newest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="43"/>
        <source>Top rated</source>
        <translation>Bestbewertet</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="73"/>
        <location filename="../../lms_desktop/ui/search_bar.py" line="80"/>
        <source>Search courses</source>
        <translation>Kurse suchen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="74"/>
        <source>Search courses (Ctrl+F)</source>
        <translation>Kurse suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="81"/>
        <source>Type words from a course&apos;s title or description; results follow when you pause</source>
        <translation>Geben Sie Wörter aus Titel oder Beschreibung eines Kurses ein; die Ergebnisse erscheinen, sobald Sie innehalten</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="86"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="86"/>
        <source>Show only courses of this level</source>
        <translation>Nur Kurse dieses Niveaus anzeigen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="87"/>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="87"/>
        <source>Show only courses up to this length</source>
        <translation>Nur Kurse bis zu dieser Dauer anzeigen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="88"/>
        <source>Sort by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="88"/>
        <source>The order of the courses</source>
        <translation>Die Reihenfolge der Kurse</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="169"/>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/search_bar.py" line="173"/>
        <source>%n+ course(s)</source>
        <translation>
            <numerusform>%n+ Kurs</numerusform>
            <numerusform>%n+ Kurse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/search_bar.py" line="174"/>
        <source>At least %n course(s)</source>
        <translation>
            <numerusform>Mindestens %n Kurs</numerusform>
            <numerusform>Mindestens %n Kurse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/search_bar.py" line="176"/>
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n Kurs</numerusform>
            <numerusform>%n Kurse</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="178"/>
        <source>The search counts its matches only up to a limit</source>
        <translation>Die Suche zählt ihre Treffer nur bis zu einer Grenze</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="180"/>
        <source>{0}, saved</source>
        <translation>{0}, gespeichert</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="181"/>
        <source>Offline: showing the results saved on this computer</source>
        <translation>Offline: Es werden die auf diesem Computer gespeicherten Ergebnisse angezeigt</translation>
    </message>
</context>
<context>
    <name>SectionStage</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/stage.py" line="113"/>
        <source>A web page to read for this section.</source>
        <translation>Eine Webseite zum Lesen für diesen Abschnitt.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/stage.py" line="111"/>
        <source>This activity takes place on its home platform.</source>
        <translation>Diese Aktivität findet auf ihrer eigenen Plattform statt.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/stage.py" line="117"/>
        <source>This section has no text.</source>
        <translation>Dieser Abschnitt hat keinen Text.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/stage.py" line="109"/>
        <source>This video plays on its own site.</source>
        <translation>Dieses Video läuft auf seiner eigenen Website.</translation>
    </message>
</context>
<context>
    <name>SeedProgress</name>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="16"/>
        <source>Drawing course covers</source>
        <translation>Kursbilder werden gezeichnet</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="17"/>
        <source>Creating learners</source>
        <translation>Lernende werden angelegt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="18"/>
        <source>Creating courses</source>
        <translation>Kurse werden angelegt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="19"/>
        <source>Writing lessons and sections</source>
        <translation>Lektionen und Abschnitte werden geschrieben</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="20"/>
        <source>Enrolling learners</source>
        <translation>Lernende werden eingeschrieben</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="21"/>
        <source>Recording progress</source>
        <translation>Fortschritt wird erfasst</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="22"/>
        <source>Building the search index</source>
        <translation>Suchindex wird aufgebaut</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="40"/>
        <source>Preparing the demo catalog…</source>
        <translation>Demo-Katalog wird vorbereitet …</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="41"/>
        <source>Preparing the demo catalog</source>
        <translation>Demo-Katalog wird vorbereitet</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="49"/>
        <source>Preparing the demo catalog (first start only)…</source>
        <translation>Demo-Katalog wird vorbereitet (nur beim ersten Start) …</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="51"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="70"/>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="204"/>
        <source>Show advanced settings</source>
        <translation>Erweiterte Einstellungen anzeigen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="74"/>
        <source>Advanced settings</source>
        <translation>Erweiterte Einstellungen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="74"/>
        <source>Show or hide the cache and server</source>
        <translation>Cache und Server ein- oder ausblenden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="87"/>
        <source>Keep these settings</source>
        <translation>Diese Einstellungen übernehmen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="88"/>
        <source>Close without changing anything</source>
        <translation>Schließen, ohne etwas zu ändern</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="101"/>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="106"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="107"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="108"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="113"/>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="114"/>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="113"/>
        <source>Light, dark, or as the system is set</source>
        <translation>Hell, dunkel oder wie im System eingestellt</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="121"/>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="123"/>
        <source>Text size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="121"/>
        <source>From 100 to 200 percent (Ctrl+Plus, Ctrl+Minus)</source>
        <translation>Von 100 bis 200 Prozent (Strg+Plus, Strg+Minus)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="126"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="129"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="129"/>
        <source>The language of the app, from the next start</source>
        <translation>Die Sprache der App, ab dem nächsten Start</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="131"/>
        <source>Language (next start)</source>
        <translation>Sprache (ab dem nächsten Start)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="135"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="139"/>
        <source>Signed in as {0} ({1})</source>
        <translation>Angemeldet als {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="141"/>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="145"/>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="149"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="149"/>
        <source>Sign out of this account on this computer</source>
        <translation>Auf diesem Computer von diesem Konto abmelden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="157"/>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="161"/>
        <source>Connected to</source>
        <translation>Verbunden mit</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="163"/>
        <source>Empty: the built-in server with the demo catalog</source>
        <translation>Leer: der eingebaute Server mit dem Demo-Katalog</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="166"/>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="169"/>
        <source>Server on next start</source>
        <translation>Server beim nächsten Start</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="167"/>
        <source>The address of an LMS server to use from the next start; empty for the built-in one</source>
        <translation>Die Adresse eines LMS-Servers für den nächsten Start; leer für den eingebauten</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="177"/>
        <source>Cache size</source>
        <translation>Cache-Größe</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="178"/>
        <source>The most disk space the cache uses, from the next start</source>
        <translation>Der höchste Speicherplatz, den der Cache belegt, ab dem nächsten Start</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="180"/>
        <source>Cache size (next start)</source>
        <translation>Cache-Größe (ab dem nächsten Start)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="183"/>
        <source>Cache in use</source>
        <translation>Belegter Cache</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="185"/>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="187"/>
        <source>Clear cache</source>
        <translation>Cache leeren</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="187"/>
        <source>Delete saved pages; downloads stay</source>
        <translation>Zwischengespeicherte Seiten löschen; Downloads bleiben erhalten</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="189"/>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="191"/>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="191"/>
        <source>Show the application&apos;s log files</source>
        <translation>Die Protokolldateien der Anwendung anzeigen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="204"/>
        <source>Hide advanced settings</source>
        <translation>Erweiterte Einstellungen ausblenden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="222"/>
        <source>{0} MB on disk, {1} items in memory</source>
        <translation>{0} MB auf der Festplatte, {1} Einträge im Speicher</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="226"/>
        <source>{0}% of reads answered from the cache</source>
        <translation>{0} % der Abrufe kamen aus dem Cache</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="239"/>
        <source>Signing out…</source>
        <translation>Abmeldung läuft …</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="92"/>
        <source>Move between controls</source>
        <extracomment>keys that are not actions: how to move around</extracomment>
        <translation>Zwischen Bedienelementen wechseln</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="96"/>
        <source>Press the focused button, open the focused course</source>
        <translation>Die fokussierte Schaltfläche drücken, den fokussierten Kurs öffnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="99"/>
        <source>Go back, close a dialog, clear the search</source>
        <translation>Zurück, Dialog schließen, Suche leeren</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="101"/>
        <source>Move between courses</source>
        <translation>Zwischen Kursen wechseln</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="102"/>
        <source>Arrow keys, Page Up, Page Down, Home, End</source>
        <translation>Pfeiltasten, Bild auf, Bild ab, Pos1, Ende</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="105"/>
        <source>Rate a course (on the course page)</source>
        <translation>Einen Kurs bewerten (auf der Kursseite)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="106"/>
        <source>1 – 5, or Left/Right then Enter</source>
        <translation>1 – 5, oder Links/Rechts und dann Eingabe</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="109"/>
        <source>Previous / next section (in the reader)</source>
        <translation>Vorheriger / nächster Abschnitt (beim Lesen)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="110"/>
        <source>Alt+Left, Alt+Right</source>
        <translation>Alt+Links, Alt+Rechts</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="93"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Umschalt+Tab</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="97"/>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="118"/>
        <location filename="../../lms_desktop/ui/about.py" line="146"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="122"/>
        <source>Everything in {0} works from the keyboard.</source>
        <translation>In {0} funktioniert alles auch mit der Tastatur.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="133"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="133"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="146"/>
        <source>Each command and its keys</source>
        <translation>Jeder Befehl mit seinen Tasten</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="152"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="152"/>
        <source>Close this window</source>
        <translation>Dieses Fenster schließen</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../lms_desktop/ui/sidebar.py" line="45"/>
        <location filename="../../lms_desktop/ui/sidebar.py" line="46"/>
        <source>Settings</source>
        <extracomment>the page an entry stands for was chosen</extracomment>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sidebar.py" line="48"/>
        <source>Theme, text size, language, account, cache and server</source>
        <translation>Farbschema, Schriftgröße, Sprache, Konto, Cache und Server</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sidebar.py" line="53"/>
        <source>Signed in as {0}</source>
        <translation>Angemeldet als {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sidebar.py" line="53"/>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sidebar.py" line="71"/>
        <source>current page</source>
        <translation>aktuelle Seite</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="27"/>
        <location filename="../../lms_desktop/ui/sign_in.py" line="59"/>
        <location filename="../../lms_desktop/ui/sign_in.py" line="60"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="34"/>
        <source>Sign in to continue learning.</source>
        <translation>Melden Sie sich an, um weiterzulernen.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="37"/>
        <source>Server: {0}</source>
        <translation>Server: {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="45"/>
        <location filename="../../lms_desktop/ui/sign_in.py" line="47"/>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="45"/>
        <source>Your account&apos;s user name</source>
        <translation>Der Benutzername Ihres Kontos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="46"/>
        <location filename="../../lms_desktop/ui/sign_in.py" line="48"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="46"/>
        <source>Your account&apos;s password</source>
        <translation>Das Passwort Ihres Kontos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="60"/>
        <source>Sign in with this username and password</source>
        <translation>Mit diesem Benutzernamen und Passwort anmelden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="63"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="63"/>
        <source>Stay signed out</source>
        <translation>Abgemeldet bleiben</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="70"/>
        <source>Enter your username and password.</source>
        <translation>Geben Sie Ihren Benutzernamen und Ihr Passwort ein.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="72"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="94"/>
        <source>That username and password do not match.</source>
        <translation>Benutzername und Passwort passen nicht zusammen.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="96"/>
        <source>Couldn’t sign in: {0}.</source>
        <translation>Anmeldung nicht möglich: {0}.</translation>
    </message>
</context>
<context>
    <name>SignedOutPage</name>
    <message>
        <location filename="../../lms_desktop/ui/signed_out.py" line="25"/>
        <source>You are signed out</source>
        <translation>Sie sind abgemeldet</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/signed_out.py" line="28"/>
        <source>Sign in to see the catalog, your courses and your progress.</source>
        <translation>Melden Sie sich an, um den Katalog, Ihre Kurse und Ihren Fortschritt zu sehen.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/signed_out.py" line="31"/>
        <source>Sign in…</source>
        <translation>Anmelden …</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/signed_out.py" line="33"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/signed_out.py" line="33"/>
        <source>Open the sign-in dialog</source>
        <translation>Den Anmeldedialog öffnen</translation>
    </message>
</context>
<context>
    <name>StarRating</name>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="102"/>
        <source>Rate this course: click a star, or press 1 to 5</source>
        <translation>Diesen Kurs bewerten: auf einen Stern klicken oder 1 bis 5 drücken</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="105"/>
        <source>Your rating</source>
        <translation>Ihre Bewertung</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="107"/>
        <source>Average rating</source>
        <translation>Durchschnittliche Bewertung</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="123"/>
        <source>Not rated yet</source>
        <translation>Noch nicht bewertet</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="125"/>
        <source>No ratings yet</source>
        <translation>Noch keine Bewertungen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="128"/>
        <source>{0} of 5 stars</source>
        <translation>{0} von 5 Sternen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="132"/>
        <source>Press 1 to 5 to rate.</source>
        <translation>Drücken Sie 1 bis 5, um zu bewerten.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="168"/>
        <source>{0} of 5 stars: press Enter to rate</source>
        <translation>{0} von 5 Sternen: Eingabe drücken, um zu bewerten</translation>
    </message>
</context>
<context>
    <name>StateOverlay</name>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="92"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="93"/>
        <source>Ask the server for the catalog again</source>
        <translation>Den Katalog erneut vom Server anfordern</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="104"/>
        <source>No courses found</source>
        <translation>Keine Kurse gefunden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="106"/>
        <source>Nothing matches “{0}”. Try fewer words or other filters.</source>
        <translation>Nichts passt zu „{0}“. Versuchen Sie weniger Wörter oder andere Filter.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="108"/>
        <source>No courses match these filters. Try a different level or length.</source>
        <translation>Keine Kurse passen zu diesen Filtern. Versuchen Sie ein anderes Niveau oder eine andere Dauer.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="115"/>
        <source>Couldn’t load the catalog</source>
        <translation>Der Katalog konnte nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="116"/>
        <source>The server did not answer.</source>
        <translation>Der Server hat nicht geantwortet.</translation>
    </message>
</context>
<context>
    <name>VideoChoice</name>
    <message>
        <location filename="../../lms_desktop/ui/offline_videos.py" line="41"/>
        <source>Include videos (%1)</source>
        <translation>Videos einschließen (%1)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_videos.py" line="44"/>
        <source>Keep the course&apos;s videos on this computer too</source>
        <translation>Die Videos des Kurses ebenfalls auf diesem Computer behalten</translation>
    </message>
</context>
<context>
    <name>VideoControls</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="45"/>
        <source>Captions</source>
        <translation>Untertitel</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="47"/>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="48"/>
        <source>Full screen (F)</source>
        <translation>Vollbild (F)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="26"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="27"/>
        <source>Play or pause (Space)</source>
        <translation>Abspielen oder anhalten (Leertaste)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="34"/>
        <source>Playback speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="29"/>
        <source>Position (Left and Right arrows)</source>
        <translation>Position (Pfeiltasten links und rechts)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="32"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="40"/>
        <source>Volume (Up and Down arrows)</source>
        <translation>Lautstärke (Pfeiltasten hoch und runter)</translation>
    </message>
</context>
<context>
    <name>VideoView</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_view.py" line="157"/>
        <source>Captions are not available right now.</source>
        <translation>Untertitel sind gerade nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_view.py" line="128"/>
        <source>Captions off</source>
        <translation>Untertitel aus</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_view.py" line="194"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_view.py" line="194"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_view.py" line="243"/>
        <source>The video can’t be played: %1</source>
        <translation>Das Video kann nicht abgespielt werden: %1</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_view.py" line="240"/>
        <source>This video needs a connection, or download the course with its videos.</source>
        <translation>Dieses Video braucht eine Verbindung – oder laden Sie den Kurs mit seinen Videos herunter.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_view.py" line="41"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
</context>
<context>
    <name>WebAction</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/web_action.py" line="61"/>
        <location filename="../../lms_desktop/ui/sections/web_action.py" line="63"/>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/web_action.py" line="63"/>
        <source>Open on %1</source>
        <translation>Auf %1 öffnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/web_action.py" line="74"/>
        <source>Opens in your web browser and needs a network connection.</source>
        <translation>Öffnet sich in Ihrem Webbrowser und braucht eine Netzwerkverbindung.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/web_action.py" line="71"/>
        <source>This activity takes place on its home platform; no address was given.</source>
        <translation>Diese Aktivität findet auf ihrer eigenen Plattform statt; es wurde keine Adresse angegeben.</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <location filename="../../lms_desktop/ui/window_dialogs.py" line="63"/>
        <source>Text size {0}%</source>
        <translation>Schriftgröße {0} %</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/window_dialogs.py" line="86"/>
        <source>The log is in {0}</source>
        <translation>Das Protokoll liegt in {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/window_dialogs.py" line="92"/>
        <source>Error: {0}</source>
        <translation>Fehler: {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/window_dialogs.py" line="125"/>
        <source>Back online</source>
        <translation>Wieder online</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/window_dialogs.py" line="125"/>
        <source>Offline: showing what is saved on this computer</source>
        <translation>Offline: Es wird angezeigt, was auf diesem Computer gespeichert ist</translation>
    </message>
</context>
<context>
    <name>_ChangeRow</name>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="76"/>
        <source>Sign in again to send this change.</source>
        <translation>Melden Sie sich erneut an, um diese Änderung zu senden.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="77"/>
        <source>The course was deleted or unpublished.</source>
        <translation>Der Kurs wurde gelöscht oder nicht mehr veröffentlicht.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="78"/>
        <source>The server refused this change.</source>
        <translation>Der Server hat diese Änderung abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="79"/>
        <source>The server kept failing on this change; Retry sends it again.</source>
        <translation>Der Server ist an dieser Änderung wiederholt gescheitert; „Erneut versuchen“ sendet sie noch einmal.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="85"/>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="89"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="90"/>
        <source>Send this change again: {0}</source>
        <translation>Diese Änderung erneut senden: {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="93"/>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="97"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="98"/>
        <source>Forget this change: {0}</source>
        <translation>Diese Änderung verwerfen: {0}</translation>
    </message>
</context>
<context>
    <name>_CourseRow</name>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="30"/>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="50"/>
        <source>Course {0}</source>
        <translation>Kurs {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="34"/>
        <source>Available offline</source>
        <translation>Offline verfügbar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="35"/>
        <source>Partly downloaded ({0} of {1} items)</source>
        <translation>Teilweise heruntergeladen ({0} von {1} Elementen)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="38"/>
        <source>No longer on the server: this copy stays until you remove it</source>
        <translation>Nicht mehr auf dem Server: Diese Kopie bleibt, bis Sie sie entfernen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="48"/>
        <source>Stopped: {0}</source>
        <translation>Angehalten: {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="51"/>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="53"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="53"/>
        <source>Open “{0}”</source>
        <translation>„{0}“ öffnen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="55"/>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="56"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="56"/>
        <source>Finish downloading “{0}”</source>
        <translation>Download von „{0}“ abschließen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="58"/>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="61"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="61"/>
        <source>Delete the offline copy of “{0}”</source>
        <translation>Die Offline-Kopie von „{0}“ löschen</translation>
    </message>
</context>
<context>
    <name>sections</name>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="48"/>
        <source>%1 file</source>
        <translation>%1-Datei</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="46"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="47"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="44"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="45"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
</context>
</TS>
