<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>About</name>
    <message>
        <source>Learn from an LMS server, online and offline.</source>
        <translation>Lernen mit einem LMS-Server, online und offline.</translation>
    </message>
    <message>
        <source>Licensed under the MIT License.</source>
        <translation>Lizenziert unter der MIT-Lizenz.</translation>
    </message>
    <message>
        <source>Third-party software</source>
        <translation>Software von Drittanbietern</translation>
    </message>
    <message>
        <source>Qt {0}, PySide6 {1}, Python {2}</source>
        <translation>Qt {0}, PySide6 {1}, Python {2}</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {0}</source>
        <translation>Über {0}</translation>
    </message>
    <message>
        <source>Version and licenses</source>
        <translation>Version und Lizenzen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Dieses Fenster schließen</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Load the current page again from the server</source>
        <translation>Die aktuelle Seite erneut vom Server laden</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Theme, text size, language, cache and server</source>
        <translation>Design, Schriftgröße, Sprache, Cache und Server</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Sign out of this account</source>
        <translation>Von diesem Konto abmelden</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Show the folder with the application&apos;s log files</source>
        <translation>Den Ordner mit den Protokolldateien der Anwendung anzeigen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit LMS Desktop</source>
        <translation>LMS Desktop beenden</translation>
    </message>
    <message>
        <source>&amp;Find courses</source>
        <translation>Kurse &amp;suchen</translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation>Im Katalog suchen</translation>
    </message>
    <message>
        <source>As a &amp;list</source>
        <translation>Als &amp;Liste</translation>
    </message>
    <message>
        <source>Show the catalog as a list</source>
        <translation>Den Katalog als Liste anzeigen</translation>
    </message>
    <message>
        <source>As a &amp;grid</source>
        <translation>Als &amp;Raster</translation>
    </message>
    <message>
        <source>Show the catalog as a grid of tiles</source>
        <translation>Den Katalog als Kachelraster anzeigen</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Größere Schrift</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Kleinere Schrift</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>Text at its normal size</source>
        <translation>Schrift in normaler Größe</translation>
    </message>
    <message>
        <source>&amp;Catalog</source>
        <translation>&amp;Katalog</translation>
    </message>
    <message>
        <source>Browse and search all courses</source>
        <translation>Alle Kurse durchsuchen und entdecken</translation>
    </message>
    <message>
        <source>&amp;My learning</source>
        <translation>&amp;Meine Kurse</translation>
    </message>
    <message>
        <source>Your courses and progress</source>
        <translation>Ihre Kurse und Ihr Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Go back to the previous page</source>
        <translation>Zur vorherigen Seite zurückkehren</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>List every keyboard shortcut</source>
        <translation>Alle Tastenkürzel auflisten</translation>
    </message>
    <message>
        <source>&amp;About LMS Desktop</source>
        <translation>Ü&amp;ber LMS Desktop</translation>
    </message>
    <message>
        <source>Version and licenses</source>
        <translation>Version und Lizenzen</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
</context>
<context>
    <name>AppStatusBar</name>
    <message>
        <source>All changes saved</source>
        <extracomment>emitted on the UI thread for every online/offline change reported by the client</extracomment>
        <translation>Alle Änderungen gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to sync</source>
        <translation>
            <numerusform>%n Änderung wartet auf Synchronisierung</numerusform>
            <numerusform>%n Änderungen warten auf Synchronisierung</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline — showing saved data</source>
        <translation>Offline – gespeicherte Daten werden angezeigt</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <source>Loading…</source>
        <extracomment>a page answer came from cache past its freshness (offline): the view can say &quot;cached&quot; a fetch was started (page number); tests and the status bar count these</extracomment>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>Browse courses</source>
        <translation>Kurse entdecken</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>List view</source>
        <translation>Listenansicht</translation>
    </message>
    <message>
        <source>Show the courses as a list</source>
        <translation>Die Kurse als Liste anzeigen</translation>
    </message>
    <message>
        <source>Grid view</source>
        <translation>Rasteransicht</translation>
    </message>
    <message>
        <source>Show the courses as a grid of tiles</source>
        <translation>Die Kurse als Kachelraster anzeigen</translation>
    </message>
</context>
<context>
    <name>CatalogView</name>
    <message>
        <source>Courses</source>
        <translation>Kurse</translation>
    </message>
    <message>
        <source>The courses found; arrow keys move between them, Enter opens one</source>
        <translation>Die gefundenen Kurse; mit den Pfeiltasten wechseln, mit der Eingabetaste öffnen</translation>
    </message>
</context>
<context>
    <name>CourseCard</name>
    <message>
        <source>No ratings yet</source>
        <translation>Noch keine Bewertungen</translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n Bewertung</numerusform>
            <numerusform>%n Bewertungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n Teilnehmer</numerusform>
            <numerusform>%n Teilnehmer</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} Std.</translation>
    </message>
    <message>
        <source>Rated {0} of 5 from {1}</source>
        <translation>Mit {0} von 5 bewertet ({1})</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Eingeschrieben</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>Nicht eingeschrieben</translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation>Anfänger</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>Mittelstufe</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Fortgeschritten</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>{0}% complete</source>
        <translation>{0} % abgeschlossen</translation>
    </message>
</context>
<context>
    <name>CourseCardDelegate</name>
    <message>
        <source>no ratings yet</source>
        <translation>noch keine Bewertungen</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Eingeschrieben</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>CourseView</name>
    <message>
        <source>Reading</source>
        <translation>Lektüre</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Back</source>
        <extracomment>the course&apos;s meta arrived (course id): the page now shows only this course&apos;s data another course is being shown (course id); its data follows with `loaded`</extracomment>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Return to the previous page (Esc)</source>
        <translation>Zur vorherigen Seite zurückkehren (Esc)</translation>
    </message>
    <message>
        <source>Your rating</source>
        <translation>Ihre Bewertung</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Einschreiben</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Unenroll</source>
        <translation>Austragen</translation>
    </message>
    <message>
        <source>Join this course</source>
        <translation>An diesem Kurs teilnehmen</translation>
    </message>
    <message>
        <source>Leave this course</source>
        <translation>Diesen Kurs verlassen</translation>
    </message>
    <message>
        <source>Course progress</source>
        <translation>Kursfortschritt</translation>
    </message>
    <message>
        <source>Course content</source>
        <translation>Kursinhalt</translation>
    </message>
    <message>
        <source>Lessons and their sections; press Enter on a section to read it</source>
        <translation>Lektionen und ihre Abschnitte; Eingabetaste auf einem Abschnitt öffnet ihn</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Couldn’t load this course: {0}.</source>
        <translation>Dieser Kurs konnte nicht geladen werden: {0}.</translation>
    </message>
    <message>
        <source>Course unavailable</source>
        <translation>Kurs nicht verfügbar</translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n Lektion</numerusform>
            <numerusform>%n Lektionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n Abschnitt</numerusform>
            <numerusform>%n Abschnitte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n Teilnehmer</numerusform>
            <numerusform>%n Teilnehmer</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n Bewertung</numerusform>
            <numerusform>%n Bewertungen</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>No ratings yet</source>
        <translation>Noch keine Bewertungen</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>not completed</source>
        <translation>nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>{0}% complete</source>
        <translation>{0} % abgeschlossen</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Read this finished course again</source>
        <translation>Diesen abgeschlossenen Kurs noch einmal lesen</translation>
    </message>
    <message>
        <source>Start course</source>
        <translation>Kurs beginnen</translation>
    </message>
    <message>
        <source>Open the first section</source>
        <translation>Den ersten Abschnitt öffnen</translation>
    </message>
    <message>
        <source>Open the next section you have not finished</source>
        <translation>Den nächsten noch nicht abgeschlossenen Abschnitt öffnen</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>No activity yet</source>
        <translation>Noch keine Aktivität</translation>
    </message>
    <message>
        <source>Active just now</source>
        <translation>Gerade eben aktiv</translation>
    </message>
    <message>
        <source>Active yesterday</source>
        <translation>Gestern aktiv</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} Std. {1} Min.</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message>
        <source>Under a minute</source>
        <translation>Unter einer Minute</translation>
    </message>
    <message>
        <source>{0} spent</source>
        <translation>{0} gelernt</translation>
    </message>
    <message numerus="yes">
        <source>Active %n hour(s) ago</source>
        <translation>
            <numerusform>Vor %n Stunde aktiv</numerusform>
            <numerusform>Vor %n Stunden aktiv</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Active %n day(s) ago</source>
        <translation>
            <numerusform>Vor %n Tag aktiv</numerusform>
            <numerusform>Vor %n Tagen aktiv</numerusform>
        </translation>
    </message>
    <message>
        <source>Active on {0}</source>
        <translation>Zuletzt aktiv am {0}</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>My learning</source>
        <translation>Meine Kurse</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
    <message>
        <source>Active {0} min ago</source>
        <translation>Vor {0} Min. aktiv</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Enter opens the course.</source>
        <translation>Die Eingabetaste öffnet den Kurs.</translation>
    </message>
    <message>
        <source>Loading your courses…</source>
        <translation>Ihre Kurse werden geladen…</translation>
    </message>
    <message>
        <source>You are not enrolled in any course yet.</source>
        <translation>Sie sind noch in keinem Kurs eingeschrieben.</translation>
    </message>
    <message>
        <source>Browse the catalog</source>
        <translation>Katalog durchsuchen</translation>
    </message>
    <message>
        <source>Find a course to enroll in</source>
        <translation>Einen Kurs zum Einschreiben finden</translation>
    </message>
    <message>
        <source>{0}% complete</source>
        <translation>{0} % abgeschlossen</translation>
    </message>
    <message>
        <source>Read “{0}” again</source>
        <translation>„{0}“ noch einmal lesen</translation>
    </message>
    <message>
        <source>Continue “{0}” where you stopped</source>
        <translation>„{0}“ dort fortsetzen, wo Sie aufgehört haben</translation>
    </message>
    <message numerus="yes">
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n Kurs</numerusform>
            <numerusform>%n Kurse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n section(s)</source>
        <translation>
            <numerusform>{0} von %n Abschnitt</numerusform>
            <numerusform>{0} von %n Abschnitten</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} completed</source>
        <translation>{0} abgeschlossen</translation>
    </message>
    <message>
        <source>{0} of learning</source>
        <translation>{0} Lernzeit</translation>
    </message>
</context>
<context>
    <name>Downloads</name>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>Courses kept for offline use, and changes waiting to sync</source>
        <translation>Offline verfügbare Kurse und Änderungen, die auf die Synchronisierung warten</translation>
    </message>
</context>
<context>
    <name>DownloadsView</name>
    <message>
        <source>Downloads</source>
        <extracomment>(course id, state) whenever a course&apos;s offline state changes: &quot;downloading&quot;, &quot;complete&quot;, &quot;partial&quot;, &quot;removed&quot;, &quot;failed&quot;</extracomment>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <source>Stop the download; resume it later</source>
        <translation>Den Download anhalten; später fortsetzen</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Download-Fortschritt</translation>
    </message>
    <message>
        <source>No courses are kept for offline use yet. Open a course and choose “Make available offline”.</source>
        <translation>Noch keine Kurse offline verfügbar. Öffnen Sie einen Kurs und wählen Sie „Offline verfügbar machen“.</translation>
    </message>
    <message>
        <source>Changes waiting for the server</source>
        <translation>Änderungen, die auf den Server warten</translation>
    </message>
    <message numerus="yes">
        <source>%n course(s) kept for offline use, {0}</source>
        <translation>
            <numerusform>%n Kurs offline verfügbar, {0}</numerusform>
            <numerusform>%n Kurse offline verfügbar, {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep courses on this computer to read them without a network.</source>
        <translation>Speichern Sie Kurse auf diesem Computer, um sie ohne Netzwerk zu lesen.</translation>
    </message>
    <message>
        <source> — they are sent automatically when the server is reachable.</source>
        <translation> – sie werden automatisch gesendet, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>Downloading “{0}”…</source>
        <translation>„{0}“ wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Downloading course {0}…</source>
        <translation>Kurs {0} wird heruntergeladen…</translation>
    </message>
    <message>
        <source>{0} of {1} · {2}</source>
        <translation>{0} von {1} · {2}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Download stopped: {0}. Resume it any time.</source>
        <translation>Download angehalten: {0}. Sie können ihn jederzeit fortsetzen.</translation>
    </message>
    <message>
        <source>Course available offline.</source>
        <translation>Kurs offline verfügbar.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <source>Something went wrong in the background: {0}</source>
        <translation>Im Hintergrund ist etwas schiefgelaufen: {0}</translation>
    </message>
    <message>
        <source>Your work is saved. If this keeps happening, copy the details into a bug report.</source>
        <translation>Ihre Arbeit ist gespeichert. Wenn das öfter passiert, kopieren Sie die Details in einen Fehlerbericht.</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Technische Details</translation>
    </message>
    <message>
        <source>The error report, read-only</source>
        <translation>Der Fehlerbericht, schreibgeschützt</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Put the technical details on the clipboard</source>
        <translation>Die technischen Details in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Open the folder with the application&apos;s log files</source>
        <translation>Den Ordner mit den Protokolldateien der Anwendung öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>you are offline</source>
        <translation>Sie sind offline</translation>
    </message>
    <message>
        <source>please sign in again</source>
        <translation>bitte melden Sie sich erneut an</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>the built-in demo server</source>
        <extracomment>probe the server&apos;s health only after this long without hearing from it (never while requests answer)</extracomment>
        <translation>der eingebaute Demo-Server</translation>
    </message>
</context>
<context>
    <name>LearnerState</name>
    <message>
        <source>Couldn’t enroll in “{0}”: {1}.</source>
        <extracomment>course id -&gt; percent complete for every enrolled course (catalog cards read this) (course id, enrolled) (course id, own rating or None) (course id, CourseRating) after the server answered a rating (new average) (section id, course id, completed)</extracomment>
        <translation>Einschreibung in „{0}“ nicht möglich: {1}.</translation>
    </message>
    <message>
        <source>Couldn’t enroll: {1}.</source>
        <translation>Einschreibung nicht möglich: {1}.</translation>
    </message>
    <message>
        <source>Couldn’t leave “{0}”: {1}.</source>
        <translation>„{0}“ konnte nicht verlassen werden: {1}.</translation>
    </message>
    <message>
        <source>Couldn’t leave the course: {1}.</source>
        <translation>Der Kurs konnte nicht verlassen werden: {1}.</translation>
    </message>
    <message>
        <source>Couldn’t save your rating of “{0}”: {1}.</source>
        <translation>Ihre Bewertung von „{0}“ konnte nicht gespeichert werden: {1}.</translation>
    </message>
    <message>
        <source>Couldn’t save your rating: {1}.</source>
        <translation>Ihre Bewertung konnte nicht gespeichert werden: {1}.</translation>
    </message>
    <message>
        <source>Couldn’t mark the section complete: {0}.</source>
        <translation>Der Abschnitt konnte nicht als abgeschlossen markiert werden: {0}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Catalog</source>
        <extracomment>the window was closed by the learner (the launcher then shuts down)</extracomment>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Browse and search all courses</source>
        <translation>Alle Kurse durchsuchen und entdecken</translation>
    </message>
    <message>
        <source>My learning</source>
        <translation>Meine Kurse</translation>
    </message>
    <message>
        <source>Your courses and progress</source>
        <translation>Ihre Kurse und Ihr Fortschritt</translation>
    </message>
    <message>
        <source>Text size {0}%</source>
        <translation>Schriftgröße {0} %</translation>
    </message>
    <message>
        <source>The log is in {0}</source>
        <translation>Das Protokoll liegt in {0}</translation>
    </message>
    <message>
        <source>Back online</source>
        <translation>Wieder online</translation>
    </message>
    <message>
        <source>Offline: showing what is saved on this computer</source>
        <translation>Offline: Es wird angezeigt, was auf diesem Computer gespeichert ist</translation>
    </message>
    <message>
        <source>Error: {0}</source>
        <translation>Fehler: {0}</translation>
    </message>
</context>
<context>
    <name>Offline</name>
    <message>
        <source>The list of changes waiting to be sent was damaged and could not be read: changes not yet sent may be lost.</source>
        <translation>Die Liste der noch zu sendenden Änderungen war beschädigt und konnte nicht gelesen werden: Noch nicht gesendete Änderungen sind möglicherweise verloren.</translation>
    </message>
    <message numerus="yes">
        <source>The list of changes waiting to be sent was damaged. Recovered: %n.</source>
        <translation>
            <numerusform>Die Liste der noch zu sendenden Änderungen war beschädigt. Wiederhergestellt: %n.</numerusform>
            <numerusform>Die Liste der noch zu sendenden Änderungen war beschädigt. Wiederhergestellt: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not be recovered: %n.</source>
        <translation>
            <numerusform>Nicht wiederherstellbar: %n.</numerusform>
            <numerusform>Nicht wiederherstellbar: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>nie synchronisiert</translation>
    </message>
    <message>
        <source>synced just now</source>
        <translation>gerade eben synchronisiert</translation>
    </message>
    <message>
        <source>last sync just now</source>
        <translation>letzte Synchronisierung gerade eben</translation>
    </message>
    <message>
        <source>{0} MB</source>
        <translation>{0} MB</translation>
    </message>
    <message>
        <source>synced on {0}</source>
        <translation>synchronisiert am {0}</translation>
    </message>
    <message>
        <source>last sync on {0}</source>
        <translation>letzte Synchronisierung am {0}</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>All changes synced</source>
        <translation>Alle Änderungen synchronisiert</translation>
    </message>
    <message>
        <source>Progress in section {0} of {1}</source>
        <translation>Fortschritt in Abschnitt {0} von {1}</translation>
    </message>
    <message>
        <source>{0} B</source>
        <translation>{0} B</translation>
    </message>
    <message>
        <source>{0} KB</source>
        <translation>{0} KB</translation>
    </message>
    <message>
        <source>synced {0} min ago</source>
        <translation>vor {0} Min. synchronisiert</translation>
    </message>
    <message>
        <source>synced {0} h ago</source>
        <translation>vor {0} Std. synchronisiert</translation>
    </message>
    <message>
        <source>last sync {0} min ago</source>
        <translation>letzte Synchronisierung vor {0} Min.</translation>
    </message>
    <message>
        <source>last sync {0} h ago</source>
        <translation>letzte Synchronisierung vor {0} Std.</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n change needs attention</source>
        <translation>
            <numerusform>⚠ %n Änderung braucht Ihre Aufmerksamkeit</numerusform>
            <numerusform>⚠ %n Änderungen brauchen Ihre Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n changes need attention</source>
        <translation>
            <numerusform>⚠ %n Änderung braucht Ihre Aufmerksamkeit</numerusform>
            <numerusform>⚠ %n Änderungen brauchen Ihre Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <source>course {0}</source>
        <translation>Kurs {0}</translation>
    </message>
    <message>
        <source>Enroll in {0}</source>
        <translation>In {0} einschreiben</translation>
    </message>
    <message>
        <source>Leave {0}</source>
        <translation>{0} verlassen</translation>
    </message>
    <message>
        <source>Rate {0}: {1}/5</source>
        <translation>{0} bewerten: {1}/5</translation>
    </message>
    <message>
        <source>Section {0} of {1} completed</source>
        <translation>Abschnitt {0} von {1} abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n Änderung wartet auf Synchronisierung</numerusform>
            <numerusform>%n Änderungen warten auf Synchronisierung</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfflineButton</name>
    <message>
        <source>Make available offline</source>
        <translation>Offline verfügbar machen</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Waiting to download…</source>
        <translation>Wartet auf Download…</translation>
    </message>
    <message>
        <source>Available offline</source>
        <translation>Offline verfügbar</translation>
    </message>
    <message>
        <source>Kept offline</source>
        <translation>Offline gespeichert</translation>
    </message>
    <message>
        <source>Resume download</source>
        <translation>Download fortsetzen</translation>
    </message>
    <message>
        <source>Keep this course on this computer to read it without a network</source>
        <translation>Diesen Kurs auf diesem Computer speichern, um ihn ohne Netzwerk zu lesen</translation>
    </message>
    <message>
        <source>This course is kept on this computer</source>
        <translation>Dieser Kurs ist auf diesem Computer gespeichert</translation>
    </message>
    <message>
        <source>Downloading… {0}%</source>
        <translation>Wird heruntergeladen… {0} %</translation>
    </message>
</context>
<context>
    <name>OfflineStatusLabel</name>
    <message>
        <source>Last problem: {0}</source>
        <translation>Letztes Problem: {0}</translation>
    </message>
    <message>
        <source>Changes made offline are kept on this computer and sent when the server is back.</source>
        <translation>Offline vorgenommene Änderungen bleiben auf diesem Computer und werden gesendet, sobald der Server wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>All changes synced</source>
        <translation>Alle Änderungen synchronisiert</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>Back to the course</source>
        <translation>Zurück zum Kurs</translation>
    </message>
    <message>
        <source>Return to the course page (Esc)</source>
        <translation>Zur Kursseite zurückkehren (Esc)</translation>
    </message>
    <message>
        <source>Section text</source>
        <translation>Abschnittstext</translation>
    </message>
    <message>
        <source>The section you are reading</source>
        <translation>Der Abschnitt, den Sie gerade lesen</translation>
    </message>
    <message>
        <source>Previous section</source>
        <translation>Vorheriger Abschnitt</translation>
    </message>
    <message>
        <source>Open the section before this one</source>
        <translation>Den Abschnitt davor öffnen</translation>
    </message>
    <message>
        <source>Mark complete</source>
        <translation>Als abgeschlossen markieren</translation>
    </message>
    <message>
        <source>Record this section as finished</source>
        <translation>Diesen Abschnitt als abgeschlossen speichern</translation>
    </message>
    <message>
        <source>Next section</source>
        <translation>Nächster Abschnitt</translation>
    </message>
    <message>
        <source>Open the section after this one</source>
        <translation>Den Abschnitt danach öffnen</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Any level</source>
        <translation>Jedes Niveau</translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation>Anfänger</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>Mittelstufe</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Fortgeschritten</translation>
    </message>
    <message>
        <source>Any length</source>
        <translation>Beliebige Dauer</translation>
    </message>
    <message>
        <source>Up to 2 hours</source>
        <translation>Bis 2 Stunden</translation>
    </message>
    <message>
        <source>Up to 5 hours</source>
        <translation>Bis 5 Stunden</translation>
    </message>
    <message>
        <source>Up to 10 hours</source>
        <translation>Bis 10 Stunden</translation>
    </message>
    <message>
        <source>Up to 20 hours</source>
        <translation>Bis 20 Stunden</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>Beste Treffer</translation>
    </message>
    <message>
        <source>Most popular</source>
        <translation>Am beliebtesten</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <source>Top rated</source>
        <translation>Am besten bewertet</translation>
    </message>
    <message>
        <source>Search courses</source>
        <translation>Kurse suchen</translation>
    </message>
    <message>
        <source>Search courses (Ctrl+F)</source>
        <translation>Kurse suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Type words from a course&apos;s title or description; results follow when you pause</source>
        <translation>Wörter aus Titel oder Beschreibung eines Kurses eingeben; die Ergebnisse erscheinen, sobald Sie innehalten</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Show only courses of this level</source>
        <translation>Nur Kurse dieses Niveaus anzeigen</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Show only courses up to this length</source>
        <translation>Nur Kurse bis zu dieser Dauer anzeigen</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <source>The order of the courses</source>
        <translation>Die Reihenfolge der Kurse</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message numerus="yes">
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n Kurs</numerusform>
            <numerusform>%n Kurse</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}, saved</source>
        <translation>{0}, gespeichert</translation>
    </message>
    <message>
        <source>Offline: showing the results saved on this computer</source>
        <translation>Offline: Es werden die auf diesem Computer gespeicherten Ergebnisse angezeigt</translation>
    </message>
</context>
<context>
    <name>SeedProgress</name>
    <message>
        <source>Drawing course covers</source>
        <translation>Kursbilder werden gezeichnet</translation>
    </message>
    <message>
        <source>Creating learners</source>
        <translation>Teilnehmende werden angelegt</translation>
    </message>
    <message>
        <source>Creating courses</source>
        <translation>Kurse werden angelegt</translation>
    </message>
    <message>
        <source>Writing lessons and sections</source>
        <translation>Lektionen und Abschnitte werden geschrieben</translation>
    </message>
    <message>
        <source>Enrolling learners</source>
        <translation>Teilnehmende werden eingeschrieben</translation>
    </message>
    <message>
        <source>Recording progress</source>
        <translation>Fortschritt wird erfasst</translation>
    </message>
    <message>
        <source>Building the search index</source>
        <translation>Suchindex wird aufgebaut</translation>
    </message>
    <message>
        <source>Preparing the demo catalog…</source>
        <translation>Demo-Katalog wird vorbereitet…</translation>
    </message>
    <message>
        <source>Preparing the demo catalog</source>
        <translation>Demo-Katalog wird vorbereitet</translation>
    </message>
    <message>
        <source>Preparing the demo catalog (first start only)…</source>
        <translation>Demo-Katalog wird vorbereitet (nur beim ersten Start)…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Show advanced settings</source>
        <translation>Erweiterte Einstellungen anzeigen</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Erweiterte Einstellungen</translation>
    </message>
    <message>
        <source>Show or hide the cache and server</source>
        <translation>Cache und Server ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Keep these settings</source>
        <translation>Diese Einstellungen übernehmen</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Schließen, ohne etwas zu ändern</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Light, dark, or as the system is set</source>
        <translation>Hell, dunkel oder wie im System eingestellt</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>From 100 to 200 percent (Ctrl+Plus, Ctrl+Minus)</source>
        <translation>Von 100 bis 200 Prozent (Strg+Plus, Strg+Minus)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language of the app, from the next start</source>
        <translation>Die Sprache der Anwendung, ab dem nächsten Start</translation>
    </message>
    <message>
        <source>The new language shows after you restart the app.</source>
        <translation>Die neue Sprache erscheint nach einem Neustart der Anwendung.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Signed in as {0} ({1})</source>
        <translation>Angemeldet als {0} ({1})</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign out of this account on this computer</source>
        <translation>Auf diesem Computer von diesem Konto abmelden</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation>Verbunden mit</translation>
    </message>
    <message>
        <source>Empty: the built-in server with the demo catalog</source>
        <translation>Leer: der eingebaute Server mit dem Demo-Katalog</translation>
    </message>
    <message>
        <source>Server on next start</source>
        <translation>Server beim nächsten Start</translation>
    </message>
    <message>
        <source>The address of an LMS server to use from the next start; empty for the built-in one</source>
        <translation>Die Adresse eines LMS-Servers, der ab dem nächsten Start verwendet wird; leer für den eingebauten</translation>
    </message>
    <message>
        <source>Cache size</source>
        <translation>Cache-Größe</translation>
    </message>
    <message>
        <source>The most disk space the cache uses, from the next start</source>
        <translation>Der höchstens vom Cache belegte Speicherplatz, ab dem nächsten Start</translation>
    </message>
    <message>
        <source>Cache size (next start)</source>
        <translation>Cache-Größe (nächster Start)</translation>
    </message>
    <message>
        <source>Cache in use</source>
        <translation>Belegter Cache</translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation>Cache leeren</translation>
    </message>
    <message>
        <source>Delete saved pages; downloads stay</source>
        <translation>Gespeicherte Seiten löschen; Downloads bleiben erhalten</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Show the application&apos;s log files</source>
        <translation>Die Protokolldateien der Anwendung anzeigen</translation>
    </message>
    <message>
        <source>Hide advanced settings</source>
        <translation>Erweiterte Einstellungen ausblenden</translation>
    </message>
    <message numerus="yes">
        <source>{0} MB on disk, %n item(s) in memory</source>
        <translation>
            <numerusform>{0} MB auf der Festplatte, %n Eintrag im Arbeitsspeicher</numerusform>
            <numerusform>{0} MB auf der Festplatte, %n Einträge im Arbeitsspeicher</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}% of reads answered from the cache</source>
        <translation>{0} % der Abrufe aus dem Cache beantwortet</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Abmeldung läuft…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Move between controls</source>
        <extracomment>keys that are not actions: how to move around</extracomment>
        <translation>Zwischen Bedienelementen wechseln</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Umschalt+Tab</translation>
    </message>
    <message>
        <source>Press the focused button, open the focused course</source>
        <translation>Die fokussierte Schaltfläche drücken, den fokussierten Kurs öffnen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabetaste</translation>
    </message>
    <message>
        <source>Go back, close a dialog, clear the search</source>
        <translation>Zurückgehen, einen Dialog schließen, die Suche leeren</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Move between courses</source>
        <translation>Zwischen Kursen wechseln</translation>
    </message>
    <message>
        <source>Arrow keys, Page Up, Page Down, Home, End</source>
        <translation>Pfeiltasten, Bild auf, Bild ab, Pos1, Ende</translation>
    </message>
    <message>
        <source>Rate a course (on the course page)</source>
        <translation>Einen Kurs bewerten (auf der Kursseite)</translation>
    </message>
    <message>
        <source>1 – 5, or Left/Right then Enter</source>
        <translation>1 – 5 oder Links/Rechts, dann Eingabetaste</translation>
    </message>
    <message>
        <source>Previous / next section (in the reader)</source>
        <translation>Vorheriger / nächster Abschnitt (beim Lesen)</translation>
    </message>
    <message>
        <source>Alt+Left, Alt+Right</source>
        <translation>Alt+Links, Alt+Rechts</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Everything in {0} works from the keyboard.</source>
        <translation>In {0} lässt sich alles mit der Tastatur bedienen.</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Each command and its keys</source>
        <translation>Jeder Befehl mit seinen Tasten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Dieses Fenster schließen</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Settings</source>
        <extracomment>the page an entry stands for was chosen</extracomment>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Theme, text size, language, account, cache and server</source>
        <translation>Design, Schriftgröße, Sprache, Konto, Cache und Server</translation>
    </message>
    <message>
        <source>Signed in as {0}</source>
        <translation>Angemeldet als {0}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>current page</source>
        <translation>aktuelle Seite</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign in to continue learning.</source>
        <translation>Melden Sie sich an, um weiterzulernen.</translation>
    </message>
    <message>
        <source>Server: {0}</source>
        <translation>Server: {0}</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Your account&apos;s user name</source>
        <translation>Der Benutzername Ihres Kontos</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Your account&apos;s password</source>
        <translation>Das Passwort Ihres Kontos</translation>
    </message>
    <message>
        <source>Sign in with this username and password</source>
        <translation>Mit diesem Benutzernamen und Passwort anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stay signed out</source>
        <translation>Abgemeldet bleiben</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Geben Sie Ihren Benutzernamen und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>That username and password do not match.</source>
        <translation>Benutzername und Passwort passen nicht zusammen.</translation>
    </message>
    <message>
        <source>Couldn’t sign in: {0}.</source>
        <translation>Anmeldung nicht möglich: {0}.</translation>
    </message>
</context>
<context>
    <name>SignedOutPage</name>
    <message>
        <source>You are signed out</source>
        <translation>Sie sind abgemeldet</translation>
    </message>
    <message>
        <source>Sign in to see the catalog, your courses and your progress.</source>
        <translation>Melden Sie sich an, um den Katalog, Ihre Kurse und Ihren Fortschritt zu sehen.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Open the sign-in dialog</source>
        <translation>Den Anmeldedialog öffnen</translation>
    </message>
</context>
<context>
    <name>StarRating</name>
    <message>
        <source>Rate this course: click a star, or press 1 to 5</source>
        <translation>Diesen Kurs bewerten: auf einen Stern klicken oder 1 bis 5 drücken</translation>
    </message>
    <message>
        <source>Your rating</source>
        <translation>Ihre Bewertung</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Durchschnittliche Bewertung</translation>
    </message>
    <message>
        <source>Not rated yet</source>
        <translation>Noch nicht bewertet</translation>
    </message>
    <message>
        <source>No ratings yet</source>
        <translation>Noch keine Bewertungen</translation>
    </message>
    <message>
        <source>Press 1 to 5 to rate.</source>
        <translation>Zum Bewerten 1 bis 5 drücken.</translation>
    </message>
    <message>
        <source>{0} of 5 stars</source>
        <translation>{0} von 5 Sternen</translation>
    </message>
    <message>
        <source>{0} of 5 stars: press Enter to rate</source>
        <translation>{0} von 5 Sternen: zum Bewerten die Eingabetaste drücken</translation>
    </message>
</context>
<context>
    <name>StateOverlay</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>No courses found</source>
        <translation>Keine Kurse gefunden</translation>
    </message>
    <message>
        <source>Nothing matches “{0}”. Try fewer words or other filters.</source>
        <translation>Nichts passt zu „{0}“. Versuchen Sie es mit weniger Wörtern oder anderen Filtern.</translation>
    </message>
    <message>
        <source>No courses match these filters. Try a different difficulty or length.</source>
        <translation>Keine Kurse passen zu diesen Filtern. Versuchen Sie ein anderes Niveau oder eine andere Dauer.</translation>
    </message>
    <message>
        <source>Couldn’t load the catalog</source>
        <translation>Der Katalog konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>The server did not answer.</source>
        <translation>Der Server hat nicht geantwortet.</translation>
    </message>
</context>
<context>
    <name>_ChangeRow</name>
    <message>
        <source>Sign in again to send this change.</source>
        <translation>Melden Sie sich erneut an, um diese Änderung zu senden.</translation>
    </message>
    <message>
        <source>The course was deleted or unpublished.</source>
        <translation>Der Kurs wurde gelöscht oder nicht mehr veröffentlicht.</translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation>Der Server hat diese Änderung abgelehnt.</translation>
    </message>
    <message>
        <source>The server kept failing on this change; Retry sends it again.</source>
        <translation>Der Server ist an dieser Änderung wiederholt gescheitert; „Erneut versuchen“ sendet sie noch einmal.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Send this change again: {0}</source>
        <translation>Diese Änderung erneut senden: {0}</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Forget this change: {0}</source>
        <translation>Diese Änderung verwerfen: {0}</translation>
    </message>
</context>
<context>
    <name>_CourseRow</name>
    <message>
        <source>Course {0}</source>
        <translation>Kurs {0}</translation>
    </message>
    <message>
        <source>Available offline</source>
        <translation>Offline verfügbar</translation>
    </message>
    <message>
        <source>Partly downloaded ({0} of {1} items)</source>
        <translation>Teilweise heruntergeladen ({0} von {1} Elementen)</translation>
    </message>
    <message>
        <source>No longer on the server: this copy stays until you remove it</source>
        <translation>Nicht mehr auf dem Server: Diese Kopie bleibt, bis Sie sie entfernen</translation>
    </message>
    <message>
        <source>Stopped: {0}</source>
        <translation>Angehalten: {0}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open “{0}”</source>
        <translation>„{0}“ öffnen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Finish downloading “{0}”</source>
        <translation>Download von „{0}“ abschließen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Delete the offline copy of “{0}”</source>
        <translation>Die Offline-Kopie von „{0}“ löschen</translation>
    </message>
</context>
</TS>
