<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {0}</source>
        <extracomment>the libraries the app ships with and their licences (the wheel&apos;s dependencies)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version and licenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the current page again from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme, text size, language, cache and server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the folder with the application&apos;s log files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit LMS Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As a &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the catalog as a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As a &amp;grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the catalog as a grid of tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text at its normal size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse and search all courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;My learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your courses and progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to the previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List every keyboard shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About LMS Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version and licenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppStatusBar</name>
    <message>
        <source>All changes saved</source>
        <extracomment>emitted on the UI thread for every online/offline change reported by the client</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to sync</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — showing saved data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <source>Loading…</source>
        <extracomment>a page answer came from cache past its freshness (offline): the view can say &quot;cached&quot; a fetch was started (page number); tests and the status bar count these</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>Browse courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the courses as a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the courses as a grid of tiles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogView</name>
    <message>
        <source>Courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The courses found; arrow keys move between them, Enter opens one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CourseCard</name>
    <message>
        <source>No ratings yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rated {0} of 5 from {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}% complete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CourseCardDelegate</name>
    <message>
        <source>no ratings yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CourseView</name>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <extracomment>the course&apos;s meta arrived (course id): the page now shows only this course&apos;s data another course is being shown (course id); its data follows with `loaded`</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the previous page (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unenroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join this course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave this course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons and their sections; press Enter on a section to read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Couldn’t load this course: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ratings yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}% complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read this finished course again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the first section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the next section you have not finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>No activity yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Active %n hour(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Active %n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Active on {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active {0} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter opens the course.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading your courses…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not enrolled in any course yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a course to enroll in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}% complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read “{0}” again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue “{0}” where you stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n course(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n section(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{0} completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of learning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Downloads</name>
    <message>
        <source>Downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courses kept for offline use, and changes waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DownloadsView</name>
    <message>
        <source>Downloads</source>
        <extracomment>(course id, state) whenever a course&apos;s offline state changes: &quot;downloading&quot;, &quot;complete&quot;, &quot;partial&quot;, &quot;removed&quot;, &quot;failed&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the download; resume it later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No courses are kept for offline use yet. Open a course and choose “Make available offline”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting for the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n course(s) kept for offline use, {0}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Keep courses on this computer to read them without a network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — they are sent automatically when the server is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading “{0}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading course {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download stopped: {0}. Resume it any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course available offline.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong in the background: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your work is saved. If this keeps happening, copy the details into a bug report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error report, read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the technical details on the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder with the application&apos;s log files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>you are offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>please sign in again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>the built-in demo server</source>
        <extracomment>probe the server&apos;s health only after this long without hearing from it (never while requests answer)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearnerState</name>
    <message>
        <source>Couldn’t enroll in “{0}”: {1}.</source>
        <extracomment>course id -&gt; percent complete for every enrolled course (catalog cards read this) (course id, enrolled) (course id, own rating or None) (course id, CourseRating) after the server answered a rating (new average) (section id, course id, completed)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Couldn’t enroll: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Couldn’t leave “{0}”: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Couldn’t leave the course: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Couldn’t save your rating of “{0}”: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Couldn’t save your rating: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Couldn’t mark the section complete: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Catalog</source>
        <extracomment>the window was closed by the learner (the launcher then shuts down)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse and search all courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your courses and progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size {0}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log is in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: showing what is saved on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Offline</name>
    <message>
        <source>The list of changes waiting to be sent was damaged and could not be read: changes not yet sent may be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The list of changes waiting to be sent was damaged. Recovered: %n.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not be recovered: %n.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sync just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced on {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sync on {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress in section {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced {0} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced {0} h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sync {0} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sync {0} h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n change needs attention</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n changes need attention</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>course {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enroll in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate {0}: {1}/5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section {0} of {1} completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfflineButton</name>
    <message>
        <source>Make available offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to download…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this course on this computer to read it without a network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This course is kept on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading… {0}%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfflineStatusLabel</name>
    <message>
        <source>Last problem: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes made offline are kept on this computer and sent when the server is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes synced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>Back to the course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the course page (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The section you are reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the section before this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record this section as finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the section after this one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Any level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to 2 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to 5 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to 10 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to 20 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most popular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search courses (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type words from a course&apos;s title or description; results follow when you pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only courses of this level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only courses up to this length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order of the courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n course(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{0}, saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: showing the results saved on this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeedProgress</name>
    <message>
        <source>Drawing course covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating learners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing lessons and sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolling learners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the search index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo catalog (first start only)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show advanced settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the cache and server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light, dark, or as the system is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From 100 to 200 percent (Ctrl+Plus, Ctrl+Minus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the app, from the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language shows after you restart the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of this account on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the built-in server with the demo catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server on next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of an LMS server to use from the next start; empty for the built-in one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most disk space the cache uses, from the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache size (next start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete saved pages; downloads stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the application&apos;s log files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide advanced settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} MB on disk, {1} items in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}% of reads answered from the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Move between controls</source>
        <extracomment>keys that are not actions: how to move around</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press the focused button, open the focused course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back, close a dialog, clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move between courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys, Page Up, Page Down, Home, End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate a course (on the course page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 – 5, or Left/Right then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous / next section (in the reader)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Left, Alt+Right</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything in {0} works from the keyboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each command and its keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Settings</source>
        <extracomment>the page an entry stands for was chosen</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme, text size, language, account, cache and server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to continue learning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account&apos;s user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account&apos;s password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with this username and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That username and password do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Couldn’t sign in: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignedOutPage</name>
    <message>
        <source>You are signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see the catalog, your courses and your progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the sign-in dialog</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StarRating</name>
    <message>
        <source>Rate this course: click a star, or press 1 to 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rated yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ratings yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press 1 to 5 to rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of 5 stars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of 5 stars: press Enter to rate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StateOverlay</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No courses found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “{0}”. Try fewer words or other filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No courses match these filters. Try a different difficulty or length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Couldn’t load the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ChangeRow</name>
    <message>
        <source>Sign in again to send this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course was deleted or unpublished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server kept failing on this change; Retry sends it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this change again: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget this change: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_CourseRow</name>
    <message>
        <source>Course {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly downloaded ({0} of {1} items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer on the server: this copy stays until you remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish downloading “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the offline copy of “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
