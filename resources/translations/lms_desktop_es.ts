<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="60"/>
        <source>Learn from an LMS server, online and offline.</source>
        <extracomment>the libraries the app ships with and their licences (the wheel&apos;s dependencies)</extracomment>
        <translation>Aprende con un servidor LMS, con y sin conexión.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="61"/>
        <source>Licensed under the MIT License.</source>
        <translation>Publicado bajo la licencia MIT.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="62"/>
        <source>Qt {0}, PySide6 {1}, Python {2}</source>
        <translation>Qt {0}, PySide6 {1}, Python {2}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="63"/>
        <source>Third-party software</source>
        <translation>Software de terceros</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="73"/>
        <location filename="../../lms_desktop/ui/about.py" line="79"/>
        <source>About {0}</source>
        <translation>Acerca de {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="79"/>
        <source>Version and licenses</source>
        <translation>Versión y licencias</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="85"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="85"/>
        <source>Close this window</source>
        <translation>Cerrar esta ventana</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="78"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="79"/>
        <source>Load the current page again from the server</source>
        <translation>Volver a cargar la página actual desde el servidor</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="86"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="87"/>
        <source>Theme, text size, language, cache and server</source>
        <translation>Tema, tamaño del texto, idioma, caché y servidor</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="94"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="95"/>
        <source>Sign out of this account</source>
        <translation>Cerrar la sesión de esta cuenta</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="99"/>
        <source>Open &amp;log folder</source>
        <translation>Abrir la carpeta de &amp;registros</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="100"/>
        <source>Show the folder with the application&apos;s log files</source>
        <translation>Mostrar la carpeta con los registros de la aplicación</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="104"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="105"/>
        <source>Quit LMS Desktop</source>
        <translation>Salir de LMS Desktop</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="112"/>
        <source>&amp;Find courses</source>
        <translation>&amp;Buscar cursos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="113"/>
        <source>Search the catalog</source>
        <translation>Buscar en el catálogo</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="120"/>
        <source>As a &amp;list</source>
        <translation>En &amp;lista</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="121"/>
        <source>Show the catalog as a list</source>
        <translation>Mostrar el catálogo como una lista</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="126"/>
        <source>As a &amp;grid</source>
        <translation>En &amp;cuadrícula</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="127"/>
        <source>Show the catalog as a grid of tiles</source>
        <translation>Mostrar el catálogo como una cuadrícula de fichas</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="132"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="133"/>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="141"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;Reducir</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="142"/>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="149"/>
        <source>&amp;Actual size</source>
        <translation>Tamaño &amp;normal</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="150"/>
        <source>Text at its normal size</source>
        <translation>Texto a su tamaño normal</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="156"/>
        <source>&amp;Catalog</source>
        <translation>&amp;Catálogo</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="157"/>
        <source>Browse and search all courses</source>
        <translation>Explorar y buscar todos los cursos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="162"/>
        <source>&amp;My learning</source>
        <translation>&amp;Mi aprendizaje</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="163"/>
        <source>Your courses and progress</source>
        <translation>Tus cursos y tu progreso</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="168"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="169"/>
        <source>Go back to the previous page</source>
        <translation>Volver a la página anterior</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="176"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="177"/>
        <source>List every keyboard shortcut</source>
        <translation>Mostrar todos los atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="185"/>
        <source>&amp;About LMS Desktop</source>
        <translation>&amp;Acerca de LMS Desktop</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="186"/>
        <source>Version and licenses</source>
        <translation>Versión y licencias</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="224"/>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="195"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="198"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="200"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/actions.py" line="204"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
</context>
<context>
    <name>AppStatusBar</name>
    <message>
        <location filename="../../lms_desktop/ui/status_bar.py" line="65"/>
        <source>All changes saved</source>
        <extracomment>emitted on the UI thread for every online/offline change reported by the client</extracomment>
        <translation>Todos los cambios guardados</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/status_bar.py" line="67"/>
        <source>%n change(s) to sync</source>
        <translation>
            <numerusform>%n cambio por sincronizar</numerusform>
            <numerusform>%n cambios por sincronizar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/status_bar.py" line="74"/>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/status_bar.py" line="74"/>
        <source>Offline — showing saved data</source>
        <translation>Sin conexión: se muestran los datos guardados</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <location filename="../../lms_desktop/ui/catalog/model.py" line="95"/>
        <source>Loading…</source>
        <extracomment>a page answer came from cache past its freshness (offline): the view can say &quot;cached&quot; a fetch was started (page number); tests and the status bar count these</extracomment>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/model.py" line="99"/>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../lms_desktop/ui/catalog/page.py" line="25"/>
        <source>Browse courses</source>
        <translation>Explorar cursos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/page.py" line="26"/>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/page.py" line="27"/>
        <source>Grid</source>
        <translation>Cuadrícula</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/page.py" line="28"/>
        <source>List view</source>
        <translation>Vista en lista</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/page.py" line="28"/>
        <source>Show the courses as a list</source>
        <translation>Mostrar los cursos como una lista</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/page.py" line="29"/>
        <source>Grid view</source>
        <translation>Vista en cuadrícula</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/page.py" line="29"/>
        <source>Show the courses as a grid of tiles</source>
        <translation>Mostrar los cursos como una cuadrícula de fichas</translation>
    </message>
</context>
<context>
    <name>CatalogSearch</name>
    <message>
        <location filename="../../lms_desktop/ui/catalog_search.py" line="64"/>
        <source>1 result</source>
        <translation>1 resultado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog_search.py" line="64"/>
        <source>%1 results</source>
        <translation>%1 resultados</translation>
    </message>
</context>
<context>
    <name>CatalogView</name>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="140"/>
        <source>Courses</source>
        <translation>Cursos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="142"/>
        <source>The courses found; arrow keys move between them, Enter opens one</source>
        <translation>Los cursos encontrados; las flechas te mueven entre ellos e Intro abre uno</translation>
    </message>
</context>
<context>
    <name>CourseCard</name>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="18"/>
        <source>Beginner</source>
        <translation>Principiante</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="19"/>
        <source>Intermediate</source>
        <translation>Intermedio</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="20"/>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="26"/>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="27"/>
        <source>{0} h</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="35"/>
        <source>Too few ratings to show</source>
        <translation>Muy pocas valoraciones para mostrarlas</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="36"/>
        <source>No ratings yet</source>
        <translation>Sin valoraciones todavía</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="37"/>
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n valoración</numerusform>
            <numerusform>%n valoraciones</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="38"/>
        <source>Rated {0} of 5 from {1}</source>
        <translation>Valorado con {0} de 5 según {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="43"/>
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n estudiante</numerusform>
            <numerusform>%n estudiantes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="58"/>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="103"/>
        <source>Enrolled</source>
        <translation>Inscrito</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="60"/>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="62"/>
        <source>{0}% complete</source>
        <translation>{0} % completado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="65"/>
        <source>Not enrolled</source>
        <translation>No inscrito</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="67"/>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="102"/>
        <source>Available offline</source>
        <translation>Disponible sin conexión</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="96"/>
        <source>too few ratings</source>
        <translation>muy pocas valoraciones</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="97"/>
        <source>no ratings yet</source>
        <translation>sin valoraciones todavía</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/card_text.py" line="108"/>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
</context>
<context>
    <name>CourseOutline</name>
    <message>
        <location filename="../../lms_desktop/ui/course_outline.py" line="31"/>
        <source>Course content</source>
        <translation>Contenido del curso</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_outline.py" line="32"/>
        <source>Lessons and their sections; press Enter on a section to read it</source>
        <translation>Lecciones y sus secciones; pulsa Intro en una sección para leerla</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_outline.py" line="58"/>
        <source>Lesson {0}: {1}, {2} of {3} sections done</source>
        <translation>Lección {0}: {1}, {2} de {3} secciones terminadas</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_outline.py" line="88"/>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_outline.py" line="89"/>
        <source>completed</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_outline.py" line="89"/>
        <source>not completed</source>
        <translation>sin terminar</translation>
    </message>
</context>
<context>
    <name>CourseView</name>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="104"/>
        <location filename="../../lms_desktop/ui/course_view.py" line="106"/>
        <source>Back</source>
        <extracomment>the course&apos;s meta arrived (course id): the page now shows only this course&apos;s data another course is being shown (course id); its data follows with `loaded`</extracomment>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="106"/>
        <source>Return to the previous page (Esc)</source>
        <translation>Volver a la página anterior (Esc)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="141"/>
        <source>Your rating</source>
        <translation>Tu valoración</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="151"/>
        <location filename="../../lms_desktop/ui/course_view.py" line="160"/>
        <source>Enroll</source>
        <translation>Inscribirse</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="154"/>
        <location filename="../../lms_desktop/ui/course_view.py" line="334"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="157"/>
        <location filename="../../lms_desktop/ui/course_view.py" line="161"/>
        <source>Unenroll</source>
        <translation>Anular inscripción</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="160"/>
        <source>Join this course</source>
        <translation>Inscribirte en este curso</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="161"/>
        <source>Leave this course</source>
        <translation>Abandonar este curso</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="167"/>
        <source>Course progress</source>
        <translation>Progreso del curso</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="180"/>
        <source>Course content</source>
        <translation>Contenido del curso</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="209"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="251"/>
        <source>Couldn’t load this course: {0}.</source>
        <translation>No se pudo cargar este curso: {0}.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="254"/>
        <source>Course unavailable</source>
        <translation>Curso no disponible</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/course_view.py" line="262"/>
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n lección</numerusform>
            <numerusform>%n lecciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/course_view.py" line="263"/>
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n sección</numerusform>
            <numerusform>%n secciones</numerusform>
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
            <numerusform>%n valoración</numerusform>
            <numerusform>%n valoraciones</numerusform>
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
            <numerusform>%n valoración por ahora</numerusform>
            <numerusform>%n valoraciones por ahora</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="290"/>
        <source>No ratings yet</source>
        <translation>Sin valoraciones todavía</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="325"/>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="325"/>
        <source>{0}% complete</source>
        <translation>{0} % completado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="330"/>
        <source>Review</source>
        <translation>Repasar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="330"/>
        <source>Read this finished course again</source>
        <translation>Volver a leer este curso terminado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="332"/>
        <source>Start course</source>
        <translation>Empezar el curso</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="332"/>
        <source>Open the first section</source>
        <translation>Abrir la primera sección</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/course_view.py" line="334"/>
        <source>Open the next section you have not finished</source>
        <translation>Abrir la siguiente sección que no has terminado</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="40"/>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="41"/>
        <source>{0} h {1} min</source>
        <translation>{0} h {1} min</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="49"/>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="51"/>
        <source>Under a minute</source>
        <translation>Menos de un minuto</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="53"/>
        <source>{0} spent</source>
        <translation>{0} dedicados</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="58"/>
        <source>No activity yet</source>
        <translation>Sin actividad todavía</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="62"/>
        <source>Active just now</source>
        <translation>Activo hace un momento</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="64"/>
        <source>Active {0} min ago</source>
        <translation>Activo hace {0} min</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/dashboard.py" line="67"/>
        <source>Active %n hour(s) ago</source>
        <translation>
            <numerusform>Activo hace %n hora</numerusform>
            <numerusform>Activo hace %n horas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="70"/>
        <source>Active yesterday</source>
        <translation>Activo ayer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/dashboard.py" line="72"/>
        <source>Active %n day(s) ago</source>
        <translation>
            <numerusform>Activo hace %n día</numerusform>
            <numerusform>Activo hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="73"/>
        <source>Active on {0}</source>
        <translation>Activo el {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/dashboard.py" line="87"/>
        <source>{0} of %n section(s)</source>
        <translation>
            <numerusform>{0} de %n sección</numerusform>
            <numerusform>{0} de %n secciones</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="136"/>
        <location filename="../../lms_desktop/ui/dashboard.py" line="166"/>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="169"/>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="184"/>
        <source>Review</source>
        <translation>Repasar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="186"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="194"/>
        <source>Read “{0}” again</source>
        <translation>Volver a leer «{0}»</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="196"/>
        <source>Continue “{0}” where you stopped</source>
        <translation>Continuar «{0}» donde lo dejaste</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="138"/>
        <source>{0}% complete</source>
        <translation>{0} % completado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="145"/>
        <source>Enter opens the course.</source>
        <translation>Intro abre el curso.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="253"/>
        <source>My learning</source>
        <translation>Mi aprendizaje</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="296"/>
        <source>Loading your courses…</source>
        <translation>Cargando tus cursos…</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="301"/>
        <source>You are not enrolled in any course yet.</source>
        <translation>Todavía no estás inscrito en ningún curso.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="303"/>
        <source>Browse the catalog</source>
        <translation>Explorar el catálogo</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="305"/>
        <source>Find a course to enroll in</source>
        <translation>Buscar un curso en el que inscribirte</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/dashboard.py" line="318"/>
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n curso</numerusform>
            <numerusform>%n cursos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="320"/>
        <source>{0} completed</source>
        <translation>{0} completados</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="321"/>
        <source>{0} of learning</source>
        <translation>{0} de aprendizaje</translation>
    </message>
</context>
<context>
    <name>DashboardRow</name>
    <message>
        <location filename="../../lms_desktop/ui/dashboard.py" line="173"/>
        <source>✓ Available offline</source>
        <translation>✓ Disponible sin conexión</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../../lms_desktop/ui/i18n.py" line="40"/>
        <source>d MMM yyyy</source>
        <translation>d MMM yyyy</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/document.py" line="43"/>
        <source>Section text</source>
        <translation>Texto de la sección</translation>
    </message>
</context>
<context>
    <name>Downloads</name>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="124"/>
        <source>Quiz attempt in section {0} of {1}</source>
        <translation>Intento de cuestionario en la sección {0} de «{1}»</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="115"/>
        <source>course {0}</source>
        <translation>curso {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="118"/>
        <source>Enroll in {0}</source>
        <translation>Inscribirse en «{0}»</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="120"/>
        <source>Leave {0}</source>
        <translation>Abandonar «{0}»</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="122"/>
        <source>Rate {0}: {1} of 5</source>
        <translation>Valorar «{0}»: {1} de 5</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="127"/>
        <source>Section {0} of {1} completed</source>
        <translation>Sección {0} de «{1}» terminada</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="130"/>
        <source>Progress in section {0} of {1}</source>
        <translation>Progreso en la sección {0} de «{1}»</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="34"/>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="35"/>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="36"/>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="37"/>
        <source>Captions</source>
        <translation>Subtítulos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="38"/>
        <source>Videos</source>
        <translation>Vídeos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="55"/>
        <source>never synced</source>
        <translation>nunca sincronizado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="59"/>
        <source>last sync just now</source>
        <translation>última sincronización hace un momento</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="61"/>
        <source>synced just now</source>
        <translation>sincronizado hace un momento</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="66"/>
        <source>last sync {0} min ago</source>
        <translation>última sincronización hace {0} min</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="68"/>
        <source>synced {0} min ago</source>
        <translation>sincronizado hace {0} min</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="73"/>
        <source>last sync {0} h ago</source>
        <translation>última sincronización hace {0} h</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="75"/>
        <source>synced {0} h ago</source>
        <translation>sincronizado hace {0} h</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="79"/>
        <source>last sync on {0}</source>
        <translation>última sincronización el {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="81"/>
        <source>synced on {0}</source>
        <translation>sincronizado el {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/offline_status.py" line="93"/>
        <source>%n change(s) need(s) attention</source>
        <translation>
            <numerusform>%n cambio requiere tu atención</numerusform>
            <numerusform>%n cambios requieren tu atención</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="99"/>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/offline_status.py" line="103"/>
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n cambio pendiente de sincronizar</numerusform>
            <numerusform>%n cambios pendientes de sincronizar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="106"/>
        <source>All changes synced</source>
        <translation>Todos los cambios sincronizados</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_install.py" line="23"/>
        <source>Downloads</source>
        <translation>Descargas</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_install.py" line="24"/>
        <source>Courses kept for offline use, and changes waiting to sync</source>
        <translation>Cursos disponibles sin conexión y cambios pendientes de sincronizar</translation>
    </message>
</context>
<context>
    <name>DownloadsView</name>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="88"/>
        <source>Downloads</source>
        <extracomment>(course id, state) whenever a course&apos;s offline state changes: &quot;downloading&quot;, &quot;complete&quot;, &quot;partial&quot;, &quot;removed&quot;, &quot;failed&quot;</extracomment>
        <translation>Descargas</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="98"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="101"/>
        <source>Cancel download</source>
        <translation>Cancelar la descarga</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="101"/>
        <source>Stop the download; resume it later</source>
        <translation>Detener la descarga y reanudarla más tarde</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="103"/>
        <source>Download progress</source>
        <translation>Progreso de la descarga</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="122"/>
        <source>No courses are kept for offline use yet. Open a course and choose “Make available offline”.</source>
        <translation>Todavía no hay cursos guardados sin conexión. Abre un curso y elige «Guardar sin conexión».</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="127"/>
        <source>Changes waiting for the server</source>
        <translation>Cambios pendientes de enviar al servidor</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/downloads_view.py" line="186"/>
        <source>%n course(s) kept for offline use, {0}</source>
        <translation>
            <numerusform>%n curso disponible sin conexión, {0}</numerusform>
            <numerusform>%n cursos disponibles sin conexión, {0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="190"/>
        <source>Keep courses on this computer to read them without a network.</source>
        <translation>Guarda cursos en este equipo para leerlos sin red.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="201"/>
        <source> — they are sent automatically when the server is reachable.</source>
        <translation>: se enviarán automáticamente cuando el servidor esté disponible.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="245"/>
        <source>Downloading “{0}”…</source>
        <translation>Descargando «{0}»…</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="247"/>
        <source>Downloading course {0}…</source>
        <translation>Descargando el curso {0}…</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="277"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="286"/>
        <source>Download stopped: {0}. Resume it any time.</source>
        <translation>Descarga detenida: {0}. Puedes reanudarla cuando quieras.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_view.py" line="288"/>
        <source>Course available offline.</source>
        <translation>El curso ya está disponible sin conexión.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="36"/>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="42"/>
        <source>Something went wrong in the background: {0}</source>
        <translation>Algo salió mal en segundo plano: {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="48"/>
        <source>Your work is saved. If this keeps happening, copy the details into a bug report.</source>
        <translation>Tu trabajo está guardado. Si vuelve a ocurrir, copia los detalles en un informe de error.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="56"/>
        <source>Technical details</source>
        <translation>Detalles técnicos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="56"/>
        <source>The error report, read-only</source>
        <translation>El informe del error, de solo lectura</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="59"/>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="60"/>
        <source>Open log folder</source>
        <translation>Abrir la carpeta de registros</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="62"/>
        <source>Put the technical details on the clipboard</source>
        <translation>Copiar los detalles técnicos al portapapeles</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="63"/>
        <source>Open the folder with the application&apos;s log files</source>
        <translation>Abrir la carpeta con los registros de la aplicación</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="70"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/error_dialog.py" line="70"/>
        <source>Close this message</source>
        <translation>Cerrar este mensaje</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="36"/>
        <source>you are offline</source>
        <extracomment>the client&apos;s fixed phrases, named here so that lupdate keeps them in the catalogue</extracomment>
        <translation>no tienes conexión</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="37"/>
        <source>please sign in again</source>
        <translation>vuelve a iniciar sesión</translation>
    </message>
</context>
<context>
    <name>FileCard</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="110"/>
        <source>Couldn’t get the file: %1.</source>
        <translation>No se pudo obtener el archivo: %1.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="70"/>
        <source>Getting the file…</source>
        <translation>Obteniendo el archivo…</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="39"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="41"/>
        <source>Open the file</source>
        <translation>Abrir el archivo</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="43"/>
        <source>Save as…</source>
        <translation>Guardar como…</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="93"/>
        <source>Save file</source>
        <translation>Guardar archivo</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="44"/>
        <source>Save the file as</source>
        <translation>Guardar el archivo como</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="105"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/file_view.py" line="61"/>
        <source>This file is missing from the course.</source>
        <translation>Este archivo no está en el curso.</translation>
    </message>
</context>
<context>
    <name>LearnerState</name>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="208"/>
        <source>Couldn’t enroll in “{0}”: {1}.</source>
        <extracomment>course id -&gt; percent complete for every enrolled course (catalog cards read this) (course id, enrolled) (course id, own rating or None) (course id, CourseRating) after the server answered a rating (new average) (section id, course id, completed) the learner&apos;s writes sent and not yet answered (the outbox&apos;s queued changes are counted apart)</extracomment>
        <translation>No se pudo completar la inscripción en «{0}»: {1}.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="209"/>
        <source>Couldn’t enroll: {0}.</source>
        <translation>No se pudo completar la inscripción: {0}.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="235"/>
        <source>Couldn’t leave “{0}”: {1}.</source>
        <translation>No se pudo abandonar «{0}»: {1}.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="236"/>
        <source>Couldn’t leave the course: {0}.</source>
        <translation>No se pudo abandonar el curso: {0}.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="260"/>
        <source>Couldn’t save your rating of “{0}”: {1}.</source>
        <translation>No se pudo guardar tu valoración de «{0}»: {1}.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="261"/>
        <source>Couldn’t save your rating: {0}.</source>
        <translation>No se pudo guardar tu valoración: {0}.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/learner.py" line="295"/>
        <source>Couldn’t mark the section complete: {0}.</source>
        <translation>No se pudo marcar la sección como terminada: {0}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../lms_desktop/ui/main_window.py" line="120"/>
        <source>Catalog</source>
        <extracomment>the window was closed by the learner (the launcher then shuts down)</extracomment>
        <translation>Catálogo</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/main_window.py" line="120"/>
        <source>Browse and search all courses</source>
        <translation>Explorar y buscar todos los cursos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/main_window.py" line="123"/>
        <source>My learning</source>
        <translation>Mi aprendizaje</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/main_window.py" line="123"/>
        <source>Your courses and progress</source>
        <translation>Tus cursos y tu progreso</translation>
    </message>
</context>
<context>
    <name>Offline</name>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="138"/>
        <source>The list of changes waiting to be sent was damaged and could not be read: changes not yet sent may be lost.</source>
        <translation>La lista de cambios pendientes de enviar estaba dañada y no se pudo leer: es posible que se hayan perdido cambios aún no enviados.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/offline_status.py" line="143"/>
        <source>The list of changes waiting to be sent was damaged. Recovered: %n.</source>
        <translation>
            <numerusform>La lista de cambios pendientes de enviar estaba dañada. Recuperados: %n.</numerusform>
            <numerusform>La lista de cambios pendientes de enviar estaba dañada. Recuperados: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/offline_status.py" line="146"/>
        <source>Could not be recovered: %n.</source>
        <translation>
            <numerusform>No se pudieron recuperar: %n.</numerusform>
            <numerusform>No se pudieron recuperar: %n.</numerusform>
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
        <translation>Guardar sin conexión</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="52"/>
        <source>Downloading…</source>
        <translation>Descargando…</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="53"/>
        <source>Waiting to download…</source>
        <translation>En espera de descarga…</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="54"/>
        <source>Available offline</source>
        <translation>Disponible sin conexión</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="55"/>
        <source>Kept offline</source>
        <translation>Guardado sin conexión</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="56"/>
        <source>Resume download</source>
        <translation>Reanudar la descarga</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="61"/>
        <source>Keep this course on this computer to read it without a network</source>
        <translation>Guardar este curso en este equipo para leerlo sin red</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="64"/>
        <source>This course is kept on this computer</source>
        <translation>Este curso está guardado en este equipo</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_button.py" line="81"/>
        <source>Downloading… {0}%</source>
        <translation>Descargando… {0} %</translation>
    </message>
</context>
<context>
    <name>OfflineSearchPanel</name>
    <message>
        <location filename="../../lms_desktop/ui/offline_search.py" line="44"/>
        <source>Searching your downloaded courses</source>
        <translation>Buscando en tus cursos descargados</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_search.py" line="50"/>
        <source>Results in your downloaded courses</source>
        <translation>Resultados en tus cursos descargados</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_search.py" line="67"/>
        <source>Nothing in your downloaded courses matches “%1”.</source>
        <translation>Nada en tus cursos descargados coincide con «%1».</translation>
    </message>
</context>
<context>
    <name>OfflineStatusLabel</name>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="196"/>
        <source>Last problem: {0}</source>
        <translation>Último problema: {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="197"/>
        <source>Changes made offline are kept on this computer and sent when the server is back.</source>
        <translation>Los cambios hechos sin conexión se guardan en este equipo y se envían cuando el servidor vuelve a estar disponible.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_status.py" line="205"/>
        <source>All changes synced</source>
        <translation>Todos los cambios sincronizados</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/outline.py" line="79"/>
        <source>Course outline</source>
        <translation>Índice del curso</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/outline.py" line="81"/>
        <source>Lessons and their sections; press Enter on a section to read it</source>
        <translation>Lecciones y sus secciones; pulsa Intro en una sección para leerla</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="49"/>
        <source>completed</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="50"/>
        <source>not completed</source>
        <translation>sin terminar</translation>
    </message>
</context>
<context>
    <name>QuizView</name>
    <message numerus="yes">
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="22"/>
        <source>%n attempt(s) left</source>
        <translation>
            <numerusform>Queda %n intento</numerusform>
            <numerusform>Quedan %n intentos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="5"/>
        <source>A number, e.g. 3.14</source>
        <translation>Un número, por ejemplo 3,14</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="6"/>
        <source>Enter a number, like 42 or 3.14.</source>
        <translation>Escribe un número, como 42 o 3,14.</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="36"/>
        <source>Loading your attempts…</source>
        <translation>Cargando tus intentos…</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="23"/>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="38"/>
        <source>No attempts left</source>
        <translation>No quedan intentos</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="14"/>
        <source>Not scored</source>
        <translation>Sin puntuar</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="41"/>
        <source>Not submitted: {why}.</source>
        <translation>No se ha enviado: {why}.</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="12"/>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="24"/>
        <source>Question {n}</source>
        <translation>Pregunta {n}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="25"/>
        <source>Question {n}  ·  %n point(s)</source>
        <translation>
            <numerusform>Pregunta {n}  ·  %n punto</numerusform>
            <numerusform>Pregunta {n}  ·  %n puntos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="19"/>
        <source>Question {n}  ·  {points} points</source>
        <translation>Pregunta {n}  ·  {points} puntos</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="8"/>
        <source>Question {n}: {what}</source>
        <translation>Pregunta {n}: {what}</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="17"/>
        <source>Score: {score} of {max} ({percent}%)</source>
        <translation>Puntuación: {score} de {max} ({percent} %)</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="33"/>
        <source>Submit</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="34"/>
        <source>Submit answers</source>
        <translation>Enviar respuestas</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="13"/>
        <source>Submitted. This quiz has no scored questions.</source>
        <translation>Enviado. Este cuestionario no tiene preguntas puntuables.</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="37"/>
        <source>Submitting…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="3"/>
        <source>This question can&apos;t be answered here.</source>
        <translation>Esta pregunta no se puede responder aquí.</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="39"/>
        <source>This quiz has no questions.</source>
        <translation>Este cuestionario no tiene preguntas.</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="30"/>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="31"/>
        <source>Try again</source>
        <translation>Volver a intentarlo</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="18"/>
        <source>Unlimited attempts</source>
        <translation>Intentos ilimitados</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="7"/>
        <source>Write your answer (Ctrl+Enter submits)</source>
        <translation>Escribe tu respuesta (Ctrl+Intro la envía)</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="4"/>
        <source>Your answer</source>
        <translation>Tu respuesta</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="40"/>
        <source>Question {n}: {why}</source>
        <translation>Pregunta {n}: {why}</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="42"/>
        <source>Your attempt was not accepted: {why}.</source>
        <translation>Tu intento no se aceptó: {why}.</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="43"/>
        <source>Your earlier attempts can&apos;t be shown right now ({why}).</source>
        <translation>Tus intentos anteriores no se pueden mostrar ahora ({why}).</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="10"/>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="27"/>
        <source>best score {score} of {max}</source>
        <translation>mejor puntuación {score} de {max}</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="21"/>
        <source>best {score} of {max}</source>
        <translation>mejor {score} de {max}</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="26"/>
        <source>quiz average {percent}%</source>
        <translation>media de cuestionarios {percent} %</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="9"/>
        <source>your answer</source>
        <translation>tu respuesta</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="11"/>
        <source>your essay</source>
        <translation>tu redacción</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="20"/>
        <source>{mark}  ·  {got} of {max} points</source>
        <translation>{mark}  ·  {got} de {max} puntos</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="15"/>
        <source>✓ Correct</source>
        <translation>✓ Correcto</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="16"/>
        <source>✗ Incorrect</source>
        <translation>✗ Incorrecto</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/quiz/texts.py" line="82"/>
        <source>Submitted - scored when you&apos;re back online</source>
        <translation>Enviado: se puntuará cuando vuelvas a estar en línea</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="28"/>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="35"/>
        <source>Send your answers to be scored</source>
        <translation>Enviar tus respuestas para que se puntúen</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="32"/>
        <source>Start a new attempt at this quiz</source>
        <translation>Empezar un nuevo intento de este cuestionario</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="29"/>
        <source>The quiz&apos;s questions; arrow keys scroll when it has the focus</source>
        <translation>Las preguntas del cuestionario; con el foco, las flechas desplazan</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../lms_desktop/ui/reader.py" line="176"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/reader.py" line="200"/>
        <source>Section unavailable</source>
        <translation>Sección no disponible</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/reader.py" line="202"/>
        <source>Couldn’t load this section: %1.</source>
        <translation>No se pudo cargar esta sección: %1.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/reader.py" line="344"/>
        <source>“%1” is complete.</source>
        <translation>«%1» está completada.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/reader.py" line="346"/>
        <source>You reached the end of “%1”.</source>
        <translation>Has llegado al final de «%1».</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="45"/>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="46"/>
        <source>Reading</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="47"/>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="48"/>
        <source>Quiz</source>
        <translation>Cuestionario</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="49"/>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="50"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="51"/>
        <source>Web link</source>
        <translation>Enlace web</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="52"/>
        <source>Discussion</source>
        <translation>Debate</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/formats.py" line="53"/>
        <source>External activity</source>
        <translation>Actividad externa</translation>
    </message>
</context>
<context>
    <name>ReaderFooter</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="20"/>
        <source>←  Previous</source>
        <translation>←  Anterior</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="22"/>
        <source>Previous section (Alt+Left)</source>
        <translation>Sección anterior (Alt+Izquierda)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="23"/>
        <source>Open the section before this one</source>
        <translation>Abrir la sección anterior</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="24"/>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="42"/>
        <source>Mark complete</source>
        <translation>Marcar como terminada</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="26"/>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="37"/>
        <source>Next  →</source>
        <translation>Siguiente  →</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="28"/>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="39"/>
        <source>Next section (Alt+Right)</source>
        <translation>Sección siguiente (Alt+Derecha)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="29"/>
        <source>Open the section after this one</source>
        <translation>Abrir la sección siguiente</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="37"/>
        <source>Finish  ✓</source>
        <translation>Terminar  ✓</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="38"/>
        <source>Finish: back to the course page (Alt+Right)</source>
        <translation>Terminar: volver a la página del curso (Alt+Derecha)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="42"/>
        <source>Completed  ✓</source>
        <translation>Completado  ✓</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_footer.py" line="44"/>
        <source>Enroll in the course to track your progress</source>
        <translation>Inscríbete en el curso para registrar tu progreso</translation>
    </message>
</context>
<context>
    <name>ReaderHeader</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_header.py" line="26"/>
        <source>←  Course</source>
        <translation>←  Curso</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_header.py" line="28"/>
        <source>Back to the course (Esc)</source>
        <translation>Volver al curso (Esc)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_header.py" line="29"/>
        <source>Return to the course page (Esc)</source>
        <translation>Volver a la página del curso (Esc)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_header.py" line="30"/>
        <source>Outline</source>
        <translation>Índice</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_header.py" line="33"/>
        <source>Show or hide the outline (Ctrl+Shift+O)</source>
        <translation>Mostrar u ocultar el índice (Ctrl+Mayús+O)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_header.py" line="35"/>
        <source>The course&apos;s lessons and sections beside the text</source>
        <translation>Las lecciones y secciones del curso junto al texto</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/reader_header.py" line="52"/>
        <source>Section %1 of %2</source>
        <translation>Sección %1 de %2</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="27"/>
        <source>Any level</source>
        <translation>Cualquier nivel</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="28"/>
        <source>Beginner</source>
        <translation>Principiante</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="29"/>
        <source>Intermediate</source>
        <translation>Intermedio</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="30"/>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="33"/>
        <source>Any length</source>
        <translation>Cualquier duración</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="34"/>
        <source>Up to 2 hours</source>
        <translation>Hasta 2 horas</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="35"/>
        <source>Up to 5 hours</source>
        <translation>Hasta 5 horas</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="36"/>
        <source>Up to 10 hours</source>
        <translation>Hasta 10 horas</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="37"/>
        <source>Up to 20 hours</source>
        <translation>Hasta 20 horas</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="40"/>
        <source>Best match</source>
        <translation>Más relevantes</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="41"/>
        <source>Most popular</source>
        <translation>Más populares</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="42"/>
        <source>Newest</source>
        <translation>Más recientes</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="43"/>
        <source>Top rated</source>
        <translation>Mejor valorados</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="73"/>
        <location filename="../../lms_desktop/ui/search_bar.py" line="80"/>
        <source>Search courses</source>
        <translation>Buscar cursos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="74"/>
        <source>Search courses (Ctrl+F)</source>
        <translation>Buscar cursos (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="81"/>
        <source>Type words from a course&apos;s title or description; results follow when you pause</source>
        <translation>Escribe palabras del título o la descripción de un curso; los resultados aparecen cuando haces una pausa</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="86"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="86"/>
        <source>Show only courses of this level</source>
        <translation>Mostrar solo cursos de este nivel</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="87"/>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="87"/>
        <source>Show only courses up to this length</source>
        <translation>Mostrar solo cursos de hasta esta duración</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="88"/>
        <source>Sort by</source>
        <translation>Ordenar por</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="88"/>
        <source>The order of the courses</source>
        <translation>El orden de los cursos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="169"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/search_bar.py" line="173"/>
        <source>%n+ course(s)</source>
        <translation>
            <numerusform>%n+ curso</numerusform>
            <numerusform>%n+ cursos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/search_bar.py" line="174"/>
        <source>At least %n course(s)</source>
        <translation>
            <numerusform>Al menos %n curso</numerusform>
            <numerusform>Al menos %n cursos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../lms_desktop/ui/search_bar.py" line="176"/>
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n curso</numerusform>
            <numerusform>%n cursos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="178"/>
        <source>The search counts its matches only up to a limit</source>
        <translation>La búsqueda solo cuenta sus resultados hasta un límite</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="180"/>
        <source>{0}, saved</source>
        <translation>{0}, guardados</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/search_bar.py" line="181"/>
        <source>Offline: showing the results saved on this computer</source>
        <translation>Sin conexión: se muestran los resultados guardados en este equipo</translation>
    </message>
</context>
<context>
    <name>SectionStage</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/stage.py" line="113"/>
        <source>A web page to read for this section.</source>
        <translation>Una página web para leer en esta sección.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/stage.py" line="111"/>
        <source>This activity takes place on its home platform.</source>
        <translation>Esta actividad se realiza en su propia plataforma.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/stage.py" line="117"/>
        <source>This section has no text.</source>
        <translation>Esta sección no tiene texto.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/stage.py" line="109"/>
        <source>This video plays on its own site.</source>
        <translation>Este vídeo se reproduce en su propio sitio.</translation>
    </message>
</context>
<context>
    <name>SeedProgress</name>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="16"/>
        <source>Drawing course covers</source>
        <translation>Dibujando las portadas de los cursos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="17"/>
        <source>Creating learners</source>
        <translation>Creando estudiantes</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="18"/>
        <source>Creating courses</source>
        <translation>Creando cursos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="19"/>
        <source>Writing lessons and sections</source>
        <translation>Escribiendo lecciones y secciones</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="20"/>
        <source>Enrolling learners</source>
        <translation>Inscribiendo estudiantes</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="21"/>
        <source>Recording progress</source>
        <translation>Registrando el progreso</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="22"/>
        <source>Building the search index</source>
        <translation>Creando el índice de búsqueda</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="40"/>
        <source>Preparing the demo catalog…</source>
        <translation>Preparando el catálogo de demostración…</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="41"/>
        <source>Preparing the demo catalog</source>
        <translation>Preparando el catálogo de demostración</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/startup.py" line="49"/>
        <source>Preparing the demo catalog (first start only)…</source>
        <translation>Preparando el catálogo de demostración (solo en el primer inicio)…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="51"/>
        <source>Settings</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="70"/>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="204"/>
        <source>Show advanced settings</source>
        <translation>Mostrar ajustes avanzados</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="74"/>
        <source>Advanced settings</source>
        <translation>Ajustes avanzados</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="74"/>
        <source>Show or hide the cache and server</source>
        <translation>Mostrar u ocultar la caché y el servidor</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="87"/>
        <source>Keep these settings</source>
        <translation>Guardar estos ajustes</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="88"/>
        <source>Close without changing anything</source>
        <translation>Cerrar sin cambiar nada</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="101"/>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="106"/>
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="107"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="108"/>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="113"/>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="114"/>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="113"/>
        <source>Light, dark, or as the system is set</source>
        <translation>Claro, oscuro o según el sistema</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="121"/>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="123"/>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="121"/>
        <source>From 100 to 200 percent (Ctrl+Plus, Ctrl+Minus)</source>
        <translation>De 100 a 200 por ciento (Ctrl+Más, Ctrl+Menos)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="126"/>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="129"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="129"/>
        <source>The language of the app, from the next start</source>
        <translation>El idioma de la aplicación, desde el próximo inicio</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="131"/>
        <source>Language (next start)</source>
        <translation>Idioma (próximo inicio)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="135"/>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="139"/>
        <source>Signed in as {0} ({1})</source>
        <translation>Sesión iniciada como {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="141"/>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="145"/>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="149"/>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="149"/>
        <source>Sign out of this account on this computer</source>
        <translation>Cerrar la sesión de esta cuenta en este equipo</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="157"/>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="161"/>
        <source>Connected to</source>
        <translation>Conectado a</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="163"/>
        <source>Empty: the built-in server with the demo catalog</source>
        <translation>Vacío: el servidor integrado con el catálogo de demostración</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="166"/>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="169"/>
        <source>Server on next start</source>
        <translation>Servidor en el próximo inicio</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="167"/>
        <source>The address of an LMS server to use from the next start; empty for the built-in one</source>
        <translation>La dirección de un servidor LMS para usar desde el próximo inicio; vacío para el integrado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="177"/>
        <source>Cache size</source>
        <translation>Tamaño de la caché</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="178"/>
        <source>The most disk space the cache uses, from the next start</source>
        <translation>El espacio máximo en disco que usa la caché, desde el próximo inicio</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="180"/>
        <source>Cache size (next start)</source>
        <translation>Tamaño de la caché (próximo inicio)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="183"/>
        <source>Cache in use</source>
        <translation>Caché en uso</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="185"/>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="187"/>
        <source>Clear cache</source>
        <translation>Vaciar la caché</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="187"/>
        <source>Delete saved pages; downloads stay</source>
        <translation>Borrar las páginas guardadas; las descargas se conservan</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="189"/>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="191"/>
        <source>Open log folder</source>
        <translation>Abrir la carpeta de registros</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="191"/>
        <source>Show the application&apos;s log files</source>
        <translation>Mostrar los registros de la aplicación</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="204"/>
        <source>Hide advanced settings</source>
        <translation>Ocultar ajustes avanzados</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="222"/>
        <source>{0} MB on disk, {1} items in memory</source>
        <translation>{0} MB en disco, {1} elementos en memoria</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="226"/>
        <source>{0}% of reads answered from the cache</source>
        <translation>{0} % de las lecturas servidas desde la caché</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/settings_dialog.py" line="239"/>
        <source>Signing out…</source>
        <translation>Cerrando sesión…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="92"/>
        <source>Move between controls</source>
        <extracomment>keys that are not actions: how to move around</extracomment>
        <translation>Moverse entre controles</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="96"/>
        <source>Press the focused button, open the focused course</source>
        <translation>Pulsar el botón con el foco, abrir el curso con el foco</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="99"/>
        <source>Go back, close a dialog, clear the search</source>
        <translation>Volver, cerrar un diálogo, borrar la búsqueda</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="101"/>
        <source>Move between courses</source>
        <translation>Moverse entre cursos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="102"/>
        <source>Arrow keys, Page Up, Page Down, Home, End</source>
        <translation>Flechas, Re Pág, Av Pág, Inicio, Fin</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="105"/>
        <source>Rate a course (on the course page)</source>
        <translation>Valorar un curso (en la página del curso)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="106"/>
        <source>1 – 5, or Left/Right then Enter</source>
        <translation>1 – 5, o Izquierda/Derecha y luego Intro</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="109"/>
        <source>Previous / next section (in the reader)</source>
        <translation>Sección anterior / siguiente (al leer)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="110"/>
        <source>Alt+Left, Alt+Right</source>
        <translation>Alt+Izquierda, Alt+Derecha</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="93"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Mayús+Tab</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="97"/>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="118"/>
        <location filename="../../lms_desktop/ui/about.py" line="146"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="122"/>
        <source>Everything in {0} works from the keyboard.</source>
        <translation>Todo en {0} se puede usar con el teclado.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="133"/>
        <source>Command</source>
        <translation>Orden</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="133"/>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="146"/>
        <source>Each command and its keys</source>
        <translation>Cada orden y sus teclas</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="152"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/about.py" line="152"/>
        <source>Close this window</source>
        <translation>Cerrar esta ventana</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../lms_desktop/ui/sidebar.py" line="45"/>
        <location filename="../../lms_desktop/ui/sidebar.py" line="46"/>
        <source>Settings</source>
        <extracomment>the page an entry stands for was chosen</extracomment>
        <translation>Preferencias</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sidebar.py" line="48"/>
        <source>Theme, text size, language, account, cache and server</source>
        <translation>Tema, tamaño del texto, idioma, cuenta, caché y servidor</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sidebar.py" line="53"/>
        <source>Signed in as {0}</source>
        <translation>Sesión iniciada como {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sidebar.py" line="53"/>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sidebar.py" line="71"/>
        <source>current page</source>
        <translation>página actual</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="27"/>
        <location filename="../../lms_desktop/ui/sign_in.py" line="59"/>
        <location filename="../../lms_desktop/ui/sign_in.py" line="60"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="34"/>
        <source>Sign in to continue learning.</source>
        <translation>Inicia sesión para seguir aprendiendo.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="37"/>
        <source>Server: {0}</source>
        <translation>Servidor: {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="45"/>
        <location filename="../../lms_desktop/ui/sign_in.py" line="47"/>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="45"/>
        <source>Your account&apos;s user name</source>
        <translation>El nombre de usuario de tu cuenta</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="46"/>
        <location filename="../../lms_desktop/ui/sign_in.py" line="48"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="46"/>
        <source>Your account&apos;s password</source>
        <translation>La contraseña de tu cuenta</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="60"/>
        <source>Sign in with this username and password</source>
        <translation>Iniciar sesión con este usuario y contraseña</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="63"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="63"/>
        <source>Stay signed out</source>
        <translation>Seguir sin iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="70"/>
        <source>Enter your username and password.</source>
        <translation>Escribe tu nombre de usuario y tu contraseña.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="72"/>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="94"/>
        <source>That username and password do not match.</source>
        <translation>El nombre de usuario y la contraseña no coinciden.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sign_in.py" line="96"/>
        <source>Couldn’t sign in: {0}.</source>
        <translation>No se pudo iniciar sesión: {0}.</translation>
    </message>
</context>
<context>
    <name>SignedOutPage</name>
    <message>
        <location filename="../../lms_desktop/ui/signed_out.py" line="25"/>
        <source>You are signed out</source>
        <translation>Has cerrado la sesión</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/signed_out.py" line="28"/>
        <source>Sign in to see the catalog, your courses and your progress.</source>
        <translation>Inicia sesión para ver el catálogo, tus cursos y tu progreso.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/signed_out.py" line="31"/>
        <source>Sign in…</source>
        <translation>Iniciar sesión…</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/signed_out.py" line="33"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/signed_out.py" line="33"/>
        <source>Open the sign-in dialog</source>
        <translation>Abrir el diálogo de inicio de sesión</translation>
    </message>
</context>
<context>
    <name>StarRating</name>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="102"/>
        <source>Rate this course: click a star, or press 1 to 5</source>
        <translation>Valora este curso: haz clic en una estrella o pulsa de 1 a 5</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="105"/>
        <source>Your rating</source>
        <translation>Tu valoración</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="107"/>
        <source>Average rating</source>
        <translation>Valoración media</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="123"/>
        <source>Not rated yet</source>
        <translation>Sin valorar todavía</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="125"/>
        <source>No ratings yet</source>
        <translation>Sin valoraciones todavía</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="128"/>
        <source>{0} of 5 stars</source>
        <translation>{0} de 5 estrellas</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="132"/>
        <source>Press 1 to 5 to rate.</source>
        <translation>Pulsa de 1 a 5 para valorar.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/widgets.py" line="168"/>
        <source>{0} of 5 stars: press Enter to rate</source>
        <translation>{0} de 5 estrellas: pulsa Intro para valorar</translation>
    </message>
</context>
<context>
    <name>StateOverlay</name>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="92"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="93"/>
        <source>Ask the server for the catalog again</source>
        <translation>Volver a pedir el catálogo al servidor</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="104"/>
        <source>No courses found</source>
        <translation>No se encontraron cursos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="106"/>
        <source>Nothing matches “{0}”. Try fewer words or other filters.</source>
        <translation>Nada coincide con «{0}». Prueba con menos palabras o con otros filtros.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="108"/>
        <source>No courses match these filters. Try a different level or length.</source>
        <translation>Ningún curso coincide con estos filtros. Prueba con otro nivel u otra duración.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="115"/>
        <source>Couldn’t load the catalog</source>
        <translation>No se pudo cargar el catálogo</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/catalog/view.py" line="116"/>
        <source>The server did not answer.</source>
        <translation>El servidor no respondió.</translation>
    </message>
</context>
<context>
    <name>VideoChoice</name>
    <message>
        <location filename="../../lms_desktop/ui/offline_videos.py" line="41"/>
        <source>Include videos (%1)</source>
        <translation>Incluir vídeos (%1)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/offline_videos.py" line="44"/>
        <source>Keep the course&apos;s videos on this computer too</source>
        <translation>Guardar también en este equipo los vídeos del curso</translation>
    </message>
</context>
<context>
    <name>VideoControls</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="45"/>
        <source>Captions</source>
        <translation>Subtítulos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="47"/>
        <source>Full screen</source>
        <translation>Pantalla completa</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="48"/>
        <source>Full screen (F)</source>
        <translation>Pantalla completa (F)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="26"/>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="27"/>
        <source>Play or pause (Space)</source>
        <translation>Reproducir o pausar (Espacio)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="34"/>
        <source>Playback speed</source>
        <translation>Velocidad de reproducción</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="29"/>
        <source>Position (Left and Right arrows)</source>
        <translation>Posición (flechas izquierda y derecha)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="32"/>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_controls.py" line="40"/>
        <source>Volume (Up and Down arrows)</source>
        <translation>Volumen (flechas arriba y abajo)</translation>
    </message>
</context>
<context>
    <name>VideoView</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_view.py" line="157"/>
        <source>Captions are not available right now.</source>
        <translation>Los subtítulos no están disponibles ahora.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_view.py" line="128"/>
        <source>Captions off</source>
        <translation>Sin subtítulos</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_view.py" line="194"/>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_view.py" line="194"/>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_view.py" line="243"/>
        <source>The video can’t be played: %1</source>
        <translation>No se puede reproducir el vídeo: %1</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_view.py" line="240"/>
        <source>This video needs a connection, or download the course with its videos.</source>
        <translation>Este vídeo necesita conexión; también puedes descargar el curso con sus vídeos.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/video_view.py" line="41"/>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
</context>
<context>
    <name>WebAction</name>
    <message>
        <location filename="../../lms_desktop/ui/sections/web_action.py" line="61"/>
        <location filename="../../lms_desktop/ui/sections/web_action.py" line="63"/>
        <source>Open in browser</source>
        <translation>Abrir en el navegador</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/web_action.py" line="63"/>
        <source>Open on %1</source>
        <translation>Abrir en %1</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/web_action.py" line="74"/>
        <source>Opens in your web browser and needs a network connection.</source>
        <translation>Se abre en tu navegador web y necesita conexión a la red.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/sections/web_action.py" line="71"/>
        <source>This activity takes place on its home platform; no address was given.</source>
        <translation>Esta actividad se realiza en su propia plataforma; no se indicó ninguna dirección.</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <location filename="../../lms_desktop/ui/window_dialogs.py" line="63"/>
        <source>Text size {0}%</source>
        <translation>Tamaño del texto {0} %</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/window_dialogs.py" line="86"/>
        <source>The log is in {0}</source>
        <translation>El registro está en {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/window_dialogs.py" line="92"/>
        <source>Error: {0}</source>
        <translation>Error: {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/window_dialogs.py" line="125"/>
        <source>Back online</source>
        <translation>De nuevo en línea</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/window_dialogs.py" line="125"/>
        <source>Offline: showing what is saved on this computer</source>
        <translation>Sin conexión: se muestra lo guardado en este equipo</translation>
    </message>
</context>
<context>
    <name>_ChangeRow</name>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="76"/>
        <source>Sign in again to send this change.</source>
        <translation>Vuelve a iniciar sesión para enviar este cambio.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="77"/>
        <source>The course was deleted or unpublished.</source>
        <translation>El curso se eliminó o dejó de publicarse.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="78"/>
        <source>The server refused this change.</source>
        <translation>El servidor rechazó este cambio.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="79"/>
        <source>The server kept failing on this change; Retry sends it again.</source>
        <translation>El servidor falló repetidamente con este cambio; «Reintentar» lo vuelve a enviar.</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="85"/>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="89"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="90"/>
        <source>Send this change again: {0}</source>
        <translation>Volver a enviar este cambio: {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="93"/>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="97"/>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="98"/>
        <source>Forget this change: {0}</source>
        <translation>Descartar este cambio: {0}</translation>
    </message>
</context>
<context>
    <name>_CourseRow</name>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="30"/>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="50"/>
        <source>Course {0}</source>
        <translation>Curso {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="34"/>
        <source>Available offline</source>
        <translation>Disponible sin conexión</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="35"/>
        <source>Partly downloaded ({0} of {1} items)</source>
        <translation>Descargado en parte ({0} de {1} elementos)</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="38"/>
        <source>No longer on the server: this copy stays until you remove it</source>
        <translation>Ya no está en el servidor: esta copia se conserva hasta que la quites</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="48"/>
        <source>Stopped: {0}</source>
        <translation>Detenido: {0}</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="51"/>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="53"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="53"/>
        <source>Open “{0}”</source>
        <translation>Abrir «{0}»</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="55"/>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="56"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="56"/>
        <source>Finish downloading “{0}”</source>
        <translation>Terminar de descargar «{0}»</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="58"/>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="61"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../../lms_desktop/ui/downloads_rows.py" line="61"/>
        <source>Delete the offline copy of “{0}”</source>
        <translation>Borrar la copia sin conexión de «{0}»</translation>
    </message>
</context>
<context>
    <name>sections</name>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="48"/>
        <source>%1 file</source>
        <translation>Archivo %1</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="46"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="47"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="44"/>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <location filename="../../../../../tmp/tmpkaa_yzf1/helper_strings.py" line="45"/>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
</context>
</TS>
