<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>About</name>
    <message>
        <source>Learn from an LMS server, online and offline.</source>
        <translation>Aprende con un servidor LMS, con y sin conexión.</translation>
    </message>
    <message>
        <source>Licensed under the MIT License.</source>
        <translation>Publicado bajo la licencia MIT.</translation>
    </message>
    <message>
        <source>Third-party software</source>
        <translation>Software de terceros</translation>
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
        <translation>Acerca de {0}</translation>
    </message>
    <message>
        <source>Version and licenses</source>
        <translation>Versión y licencias</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Cerrar esta ventana</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Load the current page again from the server</source>
        <translation>Volver a cargar la página actual desde el servidor</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Theme, text size, language, cache and server</source>
        <translation>Tema, tamaño del texto, idioma, caché y servidor</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ce&amp;rrar sesión</translation>
    </message>
    <message>
        <source>Sign out of this account</source>
        <translation>Cerrar la sesión de esta cuenta</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Abrir carpeta de re&amp;gistros</translation>
    </message>
    <message>
        <source>Show the folder with the application&apos;s log files</source>
        <translation>Mostrar la carpeta con los archivos de registro de la aplicación</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Quit LMS Desktop</source>
        <translation>Salir de LMS Desktop</translation>
    </message>
    <message>
        <source>&amp;Find courses</source>
        <translation>&amp;Buscar cursos</translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation>Buscar en el catálogo</translation>
    </message>
    <message>
        <source>As a &amp;list</source>
        <translation>Como &amp;lista</translation>
    </message>
    <message>
        <source>Show the catalog as a list</source>
        <translation>Mostrar el catálogo como lista</translation>
    </message>
    <message>
        <source>As a &amp;grid</source>
        <translation>Como &amp;cuadrícula</translation>
    </message>
    <message>
        <source>Show the catalog as a grid of tiles</source>
        <translation>Mostrar el catálogo como cuadrícula de mosaicos</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Reducir</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Tamaño real</translation>
    </message>
    <message>
        <source>Text at its normal size</source>
        <translation>Texto a su tamaño normal</translation>
    </message>
    <message>
        <source>&amp;Catalog</source>
        <translation>&amp;Catálogo</translation>
    </message>
    <message>
        <source>Browse and search all courses</source>
        <translation>Explorar y buscar todos los cursos</translation>
    </message>
    <message>
        <source>&amp;My learning</source>
        <translation>&amp;Mi aprendizaje</translation>
    </message>
    <message>
        <source>Your courses and progress</source>
        <translation>Tus cursos y tu progreso</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>A&amp;trás</translation>
    </message>
    <message>
        <source>Go back to the previous page</source>
        <translation>Volver a la página anterior</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>List every keyboard shortcut</source>
        <translation>Ver todos los atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About LMS Desktop</source>
        <translation>&amp;Acerca de LMS Desktop</translation>
    </message>
    <message>
        <source>Version and licenses</source>
        <translation>Versión y licencias</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
</context>
<context>
    <name>AppStatusBar</name>
    <message>
        <source>All changes saved</source>
        <extracomment>emitted on the UI thread for every online/offline change reported by the client</extracomment>
        <translation>Todos los cambios guardados</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to sync</source>
        <translation>
            <numerusform>%n cambio por sincronizar</numerusform>
            <numerusform>%n cambios por sincronizar</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Offline — showing saved data</source>
        <translation>Sin conexión: se muestran los datos guardados</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <source>Loading…</source>
        <extracomment>a page answer came from cache past its freshness (offline): the view can say &quot;cached&quot; a fetch was started (page number); tests and the status bar count these</extracomment>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>Browse courses</source>
        <translation>Explorar cursos</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Cuadrícula</translation>
    </message>
    <message>
        <source>List view</source>
        <translation>Vista de lista</translation>
    </message>
    <message>
        <source>Show the courses as a list</source>
        <translation>Mostrar los cursos como lista</translation>
    </message>
    <message>
        <source>Grid view</source>
        <translation>Vista de cuadrícula</translation>
    </message>
    <message>
        <source>Show the courses as a grid of tiles</source>
        <translation>Mostrar los cursos como cuadrícula de mosaicos</translation>
    </message>
</context>
<context>
    <name>CatalogView</name>
    <message>
        <source>Courses</source>
        <translation>Cursos</translation>
    </message>
    <message>
        <source>The courses found; arrow keys move between them, Enter opens one</source>
        <translation>Los cursos encontrados; las flechas pasan de uno a otro y Intro abre uno</translation>
    </message>
</context>
<context>
    <name>CourseCard</name>
    <message>
        <source>No ratings yet</source>
        <translation>Aún sin valoraciones</translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n valoración</numerusform>
            <numerusform>%n valoraciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n estudiante</numerusform>
            <numerusform>%n estudiantes</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <source>Rated {0} of 5 from {1}</source>
        <translation>Valorado con {0} de 5 ({1})</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscrito</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>No inscrito</translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation>Principiante</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>Intermedio</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>{0}% complete</source>
        <translation>{0} % completado</translation>
    </message>
</context>
<context>
    <name>CourseCardDelegate</name>
    <message>
        <source>no ratings yet</source>
        <translation>aún sin valoraciones</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscrito</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
</context>
<context>
    <name>CourseView</name>
    <message>
        <source>Reading</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Cuestionario</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Back</source>
        <extracomment>the course&apos;s meta arrived (course id): the page now shows only this course&apos;s data another course is being shown (course id); its data follows with `loaded`</extracomment>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Return to the previous page (Esc)</source>
        <translation>Volver a la página anterior (Esc)</translation>
    </message>
    <message>
        <source>Your rating</source>
        <translation>Tu valoración</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Inscribirse</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Unenroll</source>
        <translation>Darse de baja</translation>
    </message>
    <message>
        <source>Join this course</source>
        <translation>Inscribirse en este curso</translation>
    </message>
    <message>
        <source>Leave this course</source>
        <translation>Abandonar este curso</translation>
    </message>
    <message>
        <source>Course progress</source>
        <translation>Progreso del curso</translation>
    </message>
    <message>
        <source>Course content</source>
        <translation>Contenido del curso</translation>
    </message>
    <message>
        <source>Lessons and their sections; press Enter on a section to read it</source>
        <translation>Lecciones y sus secciones; pulsa Intro en una sección para leerla</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Couldn’t load this course: {0}.</source>
        <translation>No se pudo cargar este curso: {0}.</translation>
    </message>
    <message>
        <source>Course unavailable</source>
        <translation>Curso no disponible</translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n lección</numerusform>
            <numerusform>%n lecciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n sección</numerusform>
            <numerusform>%n secciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n estudiante</numerusform>
            <numerusform>%n estudiantes</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n valoración</numerusform>
            <numerusform>%n valoraciones</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>No ratings yet</source>
        <translation>Aún sin valoraciones</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completada</translation>
    </message>
    <message>
        <source>not completed</source>
        <translation>sin completar</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>{0}% complete</source>
        <translation>{0} % completado</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Repasar</translation>
    </message>
    <message>
        <source>Read this finished course again</source>
        <translation>Volver a leer este curso terminado</translation>
    </message>
    <message>
        <source>Start course</source>
        <translation>Empezar el curso</translation>
    </message>
    <message>
        <source>Open the first section</source>
        <translation>Abrir la primera sección</translation>
    </message>
    <message>
        <source>Open the next section you have not finished</source>
        <translation>Abrir la siguiente sección que no has terminado</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>No activity yet</source>
        <translation>Aún sin actividad</translation>
    </message>
    <message>
        <source>Active just now</source>
        <translation>Activo hace un momento</translation>
    </message>
    <message>
        <source>Active yesterday</source>
        <translation>Activo ayer</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} h {1} min</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <source>Under a minute</source>
        <translation>Menos de un minuto</translation>
    </message>
    <message>
        <source>{0} spent</source>
        <translation>{0} dedicados</translation>
    </message>
    <message numerus="yes">
        <source>Active %n hour(s) ago</source>
        <translation>
            <numerusform>Activo hace %n hora</numerusform>
            <numerusform>Activo hace %n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Active %n day(s) ago</source>
        <translation>
            <numerusform>Activo hace %n día</numerusform>
            <numerusform>Activo hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Active on {0}</source>
        <translation>Activo el {0}</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>My learning</source>
        <translation>Mi aprendizaje</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>Active {0} min ago</source>
        <translation>Activo hace {0} min</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Repasar</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Enter opens the course.</source>
        <translation>Intro abre el curso.</translation>
    </message>
    <message>
        <source>Loading your courses…</source>
        <translation>Cargando tus cursos…</translation>
    </message>
    <message>
        <source>You are not enrolled in any course yet.</source>
        <translation>Todavía no estás inscrito en ningún curso.</translation>
    </message>
    <message>
        <source>Browse the catalog</source>
        <translation>Explorar el catálogo</translation>
    </message>
    <message>
        <source>Find a course to enroll in</source>
        <translation>Busca un curso en el que inscribirte</translation>
    </message>
    <message>
        <source>{0}% complete</source>
        <translation>{0} % completado</translation>
    </message>
    <message>
        <source>Read “{0}” again</source>
        <translation>Volver a leer «{0}»</translation>
    </message>
    <message>
        <source>Continue “{0}” where you stopped</source>
        <translation>Continuar «{0}» donde lo dejaste</translation>
    </message>
    <message numerus="yes">
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n curso</numerusform>
            <numerusform>%n cursos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n section(s)</source>
        <translation>
            <numerusform>{0} de %n sección</numerusform>
            <numerusform>{0} de %n secciones</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} completed</source>
        <translation>{0} completados</translation>
    </message>
    <message>
        <source>{0} of learning</source>
        <translation>{0} de aprendizaje</translation>
    </message>
</context>
<context>
    <name>Downloads</name>
    <message>
        <source>Downloads</source>
        <translation>Descargas</translation>
    </message>
    <message>
        <source>Courses kept for offline use, and changes waiting to sync</source>
        <translation>Cursos guardados para usar sin conexión y cambios pendientes de sincronizar</translation>
    </message>
</context>
<context>
    <name>DownloadsView</name>
    <message>
        <source>Downloads</source>
        <extracomment>(course id, state) whenever a course&apos;s offline state changes: &quot;downloading&quot;, &quot;complete&quot;, &quot;partial&quot;, &quot;removed&quot;, &quot;failed&quot;</extracomment>
        <translation>Descargas</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Cancelar la descarga</translation>
    </message>
    <message>
        <source>Stop the download; resume it later</source>
        <translation>Detener la descarga; podrás reanudarla más tarde</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progreso de la descarga</translation>
    </message>
    <message>
        <source>No courses are kept for offline use yet. Open a course and choose “Make available offline”.</source>
        <translation>Todavía no hay cursos guardados para usar sin conexión. Abre un curso y elige «Guardar sin conexión».</translation>
    </message>
    <message>
        <source>Changes waiting for the server</source>
        <translation>Cambios pendientes de enviar al servidor</translation>
    </message>
    <message numerus="yes">
        <source>%n course(s) kept for offline use, {0}</source>
        <translation>
            <numerusform>%n curso guardado para usar sin conexión, {0}</numerusform>
            <numerusform>%n cursos guardados para usar sin conexión, {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep courses on this computer to read them without a network.</source>
        <translation>Guarda cursos en este equipo para leerlos sin conexión.</translation>
    </message>
    <message>
        <source> — they are sent automatically when the server is reachable.</source>
        <translation> — se enviarán automáticamente cuando el servidor esté disponible.</translation>
    </message>
    <message>
        <source>Downloading “{0}”…</source>
        <translation>Descargando «{0}»…</translation>
    </message>
    <message>
        <source>Downloading course {0}…</source>
        <translation>Descargando el curso {0}…</translation>
    </message>
    <message>
        <source>{0} of {1} · {2}</source>
        <translation>{0} de {1} · {2}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Download stopped: {0}. Resume it any time.</source>
        <translation>Descarga detenida: {0}. Puedes reanudarla cuando quieras.</translation>
    </message>
    <message>
        <source>Course available offline.</source>
        <translation>Curso disponible sin conexión.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Something went wrong in the background: {0}</source>
        <translation>Algo salió mal en segundo plano: {0}</translation>
    </message>
    <message>
        <source>Your work is saved. If this keeps happening, copy the details into a bug report.</source>
        <translation>Tu trabajo está guardado. Si vuelve a ocurrir, copia los detalles en un informe de error.</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Detalles técnicos</translation>
    </message>
    <message>
        <source>The error report, read-only</source>
        <translation>El informe de error, de solo lectura</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Abrir carpeta de registros</translation>
    </message>
    <message>
        <source>Put the technical details on the clipboard</source>
        <translation>Copiar los detalles técnicos al portapapeles</translation>
    </message>
    <message>
        <source>Open the folder with the application&apos;s log files</source>
        <translation>Abrir la carpeta con los archivos de registro de la aplicación</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Cerrar este mensaje</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>you are offline</source>
        <translation>no tienes conexión</translation>
    </message>
    <message>
        <source>please sign in again</source>
        <translation>vuelve a iniciar sesión</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>the built-in demo server</source>
        <extracomment>probe the server&apos;s health only after this long without hearing from it (never while requests answer)</extracomment>
        <translation>el servidor de demostración integrado</translation>
    </message>
</context>
<context>
    <name>LearnerState</name>
    <message>
        <source>Couldn’t enroll in “{0}”: {1}.</source>
        <extracomment>course id -&gt; percent complete for every enrolled course (catalog cards read this) (course id, enrolled) (course id, own rating or None) (course id, CourseRating) after the server answered a rating (new average) (section id, course id, completed)</extracomment>
        <translation>No se pudo completar la inscripción en «{0}»: {1}.</translation>
    </message>
    <message>
        <source>Couldn’t enroll: {1}.</source>
        <translation>No se pudo completar la inscripción: {1}.</translation>
    </message>
    <message>
        <source>Couldn’t leave “{0}”: {1}.</source>
        <translation>No se pudo abandonar «{0}»: {1}.</translation>
    </message>
    <message>
        <source>Couldn’t leave the course: {1}.</source>
        <translation>No se pudo abandonar el curso: {1}.</translation>
    </message>
    <message>
        <source>Couldn’t save your rating of “{0}”: {1}.</source>
        <translation>No se pudo guardar tu valoración de «{0}»: {1}.</translation>
    </message>
    <message>
        <source>Couldn’t save your rating: {1}.</source>
        <translation>No se pudo guardar tu valoración: {1}.</translation>
    </message>
    <message>
        <source>Couldn’t mark the section complete: {0}.</source>
        <translation>No se pudo marcar la sección como completada: {0}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Catalog</source>
        <extracomment>the window was closed by the learner (the launcher then shuts down)</extracomment>
        <translation>Catálogo</translation>
    </message>
    <message>
        <source>Browse and search all courses</source>
        <translation>Explorar y buscar todos los cursos</translation>
    </message>
    <message>
        <source>My learning</source>
        <translation>Mi aprendizaje</translation>
    </message>
    <message>
        <source>Your courses and progress</source>
        <translation>Tus cursos y tu progreso</translation>
    </message>
    <message>
        <source>Text size {0}%</source>
        <translation>Tamaño del texto: {0} %</translation>
    </message>
    <message>
        <source>The log is in {0}</source>
        <translation>El registro está en {0}</translation>
    </message>
    <message>
        <source>Back online</source>
        <translation>De nuevo en línea</translation>
    </message>
    <message>
        <source>Offline: showing what is saved on this computer</source>
        <translation>Sin conexión: se muestra lo guardado en este equipo</translation>
    </message>
    <message>
        <source>Error: {0}</source>
        <translation>Error: {0}</translation>
    </message>
</context>
<context>
    <name>Offline</name>
    <message>
        <source>The list of changes waiting to be sent was damaged and could not be read: changes not yet sent may be lost.</source>
        <translation>La lista de cambios pendientes de enviar estaba dañada y no se pudo leer: es posible que se hayan perdido cambios aún no enviados.</translation>
    </message>
    <message numerus="yes">
        <source>The list of changes waiting to be sent was damaged. Recovered: %n.</source>
        <translation>
            <numerusform>La lista de cambios pendientes de enviar estaba dañada. Recuperado: %n.</numerusform>
            <numerusform>La lista de cambios pendientes de enviar estaba dañada. Recuperados: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not be recovered: %n.</source>
        <translation>
            <numerusform>No se pudo recuperar: %n.</numerusform>
            <numerusform>No se pudieron recuperar: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>nunca sincronizado</translation>
    </message>
    <message>
        <source>synced just now</source>
        <translation>sincronizado hace un momento</translation>
    </message>
    <message>
        <source>last sync just now</source>
        <translation>última sincronización hace un momento</translation>
    </message>
    <message>
        <source>{0} MB</source>
        <translation>{0} MB</translation>
    </message>
    <message>
        <source>synced on {0}</source>
        <translation>sincronizado el {0}</translation>
    </message>
    <message>
        <source>last sync on {0}</source>
        <translation>última sincronización el {0}</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>All changes synced</source>
        <translation>Todos los cambios sincronizados</translation>
    </message>
    <message>
        <source>Progress in section {0} of {1}</source>
        <translation>Progreso en la sección {0} de {1}</translation>
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
        <translation>sincronizado hace {0} min</translation>
    </message>
    <message>
        <source>synced {0} h ago</source>
        <translation>sincronizado hace {0} h</translation>
    </message>
    <message>
        <source>last sync {0} min ago</source>
        <translation>última sincronización hace {0} min</translation>
    </message>
    <message>
        <source>last sync {0} h ago</source>
        <translation>última sincronización hace {0} h</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n change needs attention</source>
        <translation>
            <numerusform>⚠ %n cambio requiere tu atención</numerusform>
            <numerusform>⚠ %n cambios requieren tu atención</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n changes need attention</source>
        <translation>
            <numerusform>⚠ %n cambio requiere tu atención</numerusform>
            <numerusform>⚠ %n cambios requieren tu atención</numerusform>
        </translation>
    </message>
    <message>
        <source>course {0}</source>
        <translation>curso {0}</translation>
    </message>
    <message>
        <source>Enroll in {0}</source>
        <translation>Inscribirse en {0}</translation>
    </message>
    <message>
        <source>Leave {0}</source>
        <translation>Abandonar {0}</translation>
    </message>
    <message>
        <source>Rate {0}: {1}/5</source>
        <translation>Valorar {0}: {1}/5</translation>
    </message>
    <message>
        <source>Section {0} of {1} completed</source>
        <translation>Sección {0} de {1} completada</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n cambio pendiente de sincronizar</numerusform>
            <numerusform>%n cambios pendientes de sincronizar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfflineButton</name>
    <message>
        <source>Make available offline</source>
        <translation>Guardar sin conexión</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Descargando…</translation>
    </message>
    <message>
        <source>Waiting to download…</source>
        <translation>En espera de descarga…</translation>
    </message>
    <message>
        <source>Available offline</source>
        <translation>Disponible sin conexión</translation>
    </message>
    <message>
        <source>Kept offline</source>
        <translation>Guardado sin conexión</translation>
    </message>
    <message>
        <source>Resume download</source>
        <translation>Reanudar la descarga</translation>
    </message>
    <message>
        <source>Keep this course on this computer to read it without a network</source>
        <translation>Guardar este curso en este equipo para leerlo sin conexión</translation>
    </message>
    <message>
        <source>This course is kept on this computer</source>
        <translation>Este curso está guardado en este equipo</translation>
    </message>
    <message>
        <source>Downloading… {0}%</source>
        <translation>Descargando… {0} %</translation>
    </message>
</context>
<context>
    <name>OfflineStatusLabel</name>
    <message>
        <source>Last problem: {0}</source>
        <translation>Último problema: {0}</translation>
    </message>
    <message>
        <source>Changes made offline are kept on this computer and sent when the server is back.</source>
        <translation>Los cambios hechos sin conexión se guardan en este equipo y se envían cuando vuelve el servidor.</translation>
    </message>
    <message>
        <source>All changes synced</source>
        <translation>Todos los cambios sincronizados</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>Back to the course</source>
        <translation>Volver al curso</translation>
    </message>
    <message>
        <source>Return to the course page (Esc)</source>
        <translation>Volver a la página del curso (Esc)</translation>
    </message>
    <message>
        <source>Section text</source>
        <translation>Texto de la sección</translation>
    </message>
    <message>
        <source>The section you are reading</source>
        <translation>La sección que estás leyendo</translation>
    </message>
    <message>
        <source>Previous section</source>
        <translation>Sección anterior</translation>
    </message>
    <message>
        <source>Open the section before this one</source>
        <translation>Abrir la sección anterior a esta</translation>
    </message>
    <message>
        <source>Mark complete</source>
        <translation>Marcar como completada</translation>
    </message>
    <message>
        <source>Record this section as finished</source>
        <translation>Registrar esta sección como terminada</translation>
    </message>
    <message>
        <source>Next section</source>
        <translation>Sección siguiente</translation>
    </message>
    <message>
        <source>Open the section after this one</source>
        <translation>Abrir la sección posterior a esta</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Any level</source>
        <translation>Cualquier nivel</translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation>Principiante</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>Intermedio</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>Any length</source>
        <translation>Cualquier duración</translation>
    </message>
    <message>
        <source>Up to 2 hours</source>
        <translation>Hasta 2 horas</translation>
    </message>
    <message>
        <source>Up to 5 hours</source>
        <translation>Hasta 5 horas</translation>
    </message>
    <message>
        <source>Up to 10 hours</source>
        <translation>Hasta 10 horas</translation>
    </message>
    <message>
        <source>Up to 20 hours</source>
        <translation>Hasta 20 horas</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>Más relevantes</translation>
    </message>
    <message>
        <source>Most popular</source>
        <translation>Más populares</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Más recientes</translation>
    </message>
    <message>
        <source>Top rated</source>
        <translation>Mejor valorados</translation>
    </message>
    <message>
        <source>Search courses</source>
        <translation>Buscar cursos</translation>
    </message>
    <message>
        <source>Search courses (Ctrl+F)</source>
        <translation>Buscar cursos (Ctrl+F)</translation>
    </message>
    <message>
        <source>Type words from a course&apos;s title or description; results follow when you pause</source>
        <translation>Escribe palabras del título o la descripción de un curso; los resultados aparecen cuando haces una pausa</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Show only courses of this level</source>
        <translation>Mostrar solo cursos de este nivel</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Show only courses up to this length</source>
        <translation>Mostrar solo cursos de hasta esta duración</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Ordenar por</translation>
    </message>
    <message>
        <source>The order of the courses</source>
        <translation>El orden de los cursos</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message numerus="yes">
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n curso</numerusform>
            <numerusform>%n cursos</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}, saved</source>
        <translation>{0}, guardados</translation>
    </message>
    <message>
        <source>Offline: showing the results saved on this computer</source>
        <translation>Sin conexión: se muestran los resultados guardados en este equipo</translation>
    </message>
</context>
<context>
    <name>SeedProgress</name>
    <message>
        <source>Drawing course covers</source>
        <translation>Dibujando las portadas de los cursos</translation>
    </message>
    <message>
        <source>Creating learners</source>
        <translation>Creando estudiantes</translation>
    </message>
    <message>
        <source>Creating courses</source>
        <translation>Creando cursos</translation>
    </message>
    <message>
        <source>Writing lessons and sections</source>
        <translation>Escribiendo lecciones y secciones</translation>
    </message>
    <message>
        <source>Enrolling learners</source>
        <translation>Inscribiendo estudiantes</translation>
    </message>
    <message>
        <source>Recording progress</source>
        <translation>Registrando el progreso</translation>
    </message>
    <message>
        <source>Building the search index</source>
        <translation>Creando el índice de búsqueda</translation>
    </message>
    <message>
        <source>Preparing the demo catalog…</source>
        <translation>Preparando el catálogo de demostración…</translation>
    </message>
    <message>
        <source>Preparing the demo catalog</source>
        <translation>Preparando el catálogo de demostración</translation>
    </message>
    <message>
        <source>Preparing the demo catalog (first start only)…</source>
        <translation>Preparando el catálogo de demostración (solo la primera vez)…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Show advanced settings</source>
        <translation>Mostrar configuración avanzada</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Configuración avanzada</translation>
    </message>
    <message>
        <source>Show or hide the cache and server</source>
        <translation>Mostrar u ocultar la caché y el servidor</translation>
    </message>
    <message>
        <source>Keep these settings</source>
        <translation>Guardar esta configuración</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Cerrar sin cambiar nada</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Light, dark, or as the system is set</source>
        <translation>Claro, oscuro o según el sistema</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>From 100 to 200 percent (Ctrl+Plus, Ctrl+Minus)</source>
        <translation>Del 100 al 200 por ciento (Ctrl+Más, Ctrl+Menos)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The language of the app, from the next start</source>
        <translation>El idioma de la aplicación, a partir del próximo inicio</translation>
    </message>
    <message>
        <source>The new language shows after you restart the app.</source>
        <translation>El nuevo idioma se aplicará cuando reinicies la aplicación.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Signed in as {0} ({1})</source>
        <translation>Sesión iniciada como {0} ({1})</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Sign out of this account on this computer</source>
        <translation>Cerrar la sesión de esta cuenta en este equipo</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation>Conectado a</translation>
    </message>
    <message>
        <source>Empty: the built-in server with the demo catalog</source>
        <translation>Vacío: el servidor integrado con el catálogo de demostración</translation>
    </message>
    <message>
        <source>Server on next start</source>
        <translation>Servidor en el próximo inicio</translation>
    </message>
    <message>
        <source>The address of an LMS server to use from the next start; empty for the built-in one</source>
        <translation>La dirección de un servidor LMS que se usará desde el próximo inicio; vacío para el integrado</translation>
    </message>
    <message>
        <source>Cache size</source>
        <translation>Tamaño de la caché</translation>
    </message>
    <message>
        <source>The most disk space the cache uses, from the next start</source>
        <translation>El espacio máximo en disco que usa la caché, a partir del próximo inicio</translation>
    </message>
    <message>
        <source>Cache size (next start)</source>
        <translation>Tamaño de la caché (próximo inicio)</translation>
    </message>
    <message>
        <source>Cache in use</source>
        <translation>Caché en uso</translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation>Vaciar la caché</translation>
    </message>
    <message>
        <source>Delete saved pages; downloads stay</source>
        <translation>Borrar las páginas guardadas; las descargas se conservan</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Abrir carpeta de registros</translation>
    </message>
    <message>
        <source>Show the application&apos;s log files</source>
        <translation>Mostrar los archivos de registro de la aplicación</translation>
    </message>
    <message>
        <source>Hide advanced settings</source>
        <translation>Ocultar configuración avanzada</translation>
    </message>
    <message numerus="yes">
        <source>{0} MB on disk, %n item(s) in memory</source>
        <translation>
            <numerusform>{0} MB en disco, %n elemento en memoria</numerusform>
            <numerusform>{0} MB en disco, %n elementos en memoria</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}% of reads answered from the cache</source>
        <translation>{0} % de las lecturas se sirvieron desde la caché</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Cerrando sesión…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Move between controls</source>
        <extracomment>keys that are not actions: how to move around</extracomment>
        <translation>Moverse entre controles</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Mayús+Tab</translation>
    </message>
    <message>
        <source>Press the focused button, open the focused course</source>
        <translation>Pulsar el botón con el foco, abrir el curso con el foco</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Go back, close a dialog, clear the search</source>
        <translation>Volver, cerrar un diálogo, borrar la búsqueda</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Move between courses</source>
        <translation>Moverse entre cursos</translation>
    </message>
    <message>
        <source>Arrow keys, Page Up, Page Down, Home, End</source>
        <translation>Flechas, Re Pág, Av Pág, Inicio, Fin</translation>
    </message>
    <message>
        <source>Rate a course (on the course page)</source>
        <translation>Valorar un curso (en la página del curso)</translation>
    </message>
    <message>
        <source>1 – 5, or Left/Right then Enter</source>
        <translation>1 – 5, o Izquierda/Derecha y luego Intro</translation>
    </message>
    <message>
        <source>Previous / next section (in the reader)</source>
        <translation>Sección anterior / siguiente (en el lector)</translation>
    </message>
    <message>
        <source>Alt+Left, Alt+Right</source>
        <translation>Alt+Izquierda, Alt+Derecha</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Everything in {0} works from the keyboard.</source>
        <translation>En {0} todo funciona con el teclado.</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Each command and its keys</source>
        <translation>Cada comando y sus teclas</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Cerrar esta ventana</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Settings</source>
        <extracomment>the page an entry stands for was chosen</extracomment>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Theme, text size, language, account, cache and server</source>
        <translation>Tema, tamaño del texto, idioma, cuenta, caché y servidor</translation>
    </message>
    <message>
        <source>Signed in as {0}</source>
        <translation>Sesión iniciada como {0}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <source>current page</source>
        <translation>página actual</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Sign in to continue learning.</source>
        <translation>Inicia sesión para seguir aprendiendo.</translation>
    </message>
    <message>
        <source>Server: {0}</source>
        <translation>Servidor: {0}</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Your account&apos;s user name</source>
        <translation>El nombre de usuario de tu cuenta</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Your account&apos;s password</source>
        <translation>La contraseña de tu cuenta</translation>
    </message>
    <message>
        <source>Sign in with this username and password</source>
        <translation>Iniciar sesión con este usuario y contraseña</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stay signed out</source>
        <translation>Seguir sin sesión</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Escribe tu usuario y tu contraseña.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>That username and password do not match.</source>
        <translation>El usuario y la contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Couldn’t sign in: {0}.</source>
        <translation>No se pudo iniciar sesión: {0}.</translation>
    </message>
</context>
<context>
    <name>SignedOutPage</name>
    <message>
        <source>You are signed out</source>
        <translation>Has cerrado la sesión</translation>
    </message>
    <message>
        <source>Sign in to see the catalog, your courses and your progress.</source>
        <translation>Inicia sesión para ver el catálogo, tus cursos y tu progreso.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Iniciar sesión…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Open the sign-in dialog</source>
        <translation>Abrir el diálogo de inicio de sesión</translation>
    </message>
</context>
<context>
    <name>StarRating</name>
    <message>
        <source>Rate this course: click a star, or press 1 to 5</source>
        <translation>Valora este curso: haz clic en una estrella o pulsa del 1 al 5</translation>
    </message>
    <message>
        <source>Your rating</source>
        <translation>Tu valoración</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Valoración media</translation>
    </message>
    <message>
        <source>Not rated yet</source>
        <translation>Aún sin valorar</translation>
    </message>
    <message>
        <source>No ratings yet</source>
        <translation>Aún sin valoraciones</translation>
    </message>
    <message>
        <source>Press 1 to 5 to rate.</source>
        <translation>Pulsa del 1 al 5 para valorar.</translation>
    </message>
    <message>
        <source>{0} of 5 stars</source>
        <translation>{0} de 5 estrellas</translation>
    </message>
    <message>
        <source>{0} of 5 stars: press Enter to rate</source>
        <translation>{0} de 5 estrellas: pulsa Intro para valorar</translation>
    </message>
</context>
<context>
    <name>StateOverlay</name>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>No courses found</source>
        <translation>No se encontraron cursos</translation>
    </message>
    <message>
        <source>Nothing matches “{0}”. Try fewer words or other filters.</source>
        <translation>Nada coincide con «{0}». Prueba con menos palabras u otros filtros.</translation>
    </message>
    <message>
        <source>No courses match these filters. Try a different difficulty or length.</source>
        <translation>Ningún curso coincide con estos filtros. Prueba con otro nivel u otra duración.</translation>
    </message>
    <message>
        <source>Couldn’t load the catalog</source>
        <translation>No se pudo cargar el catálogo</translation>
    </message>
    <message>
        <source>The server did not answer.</source>
        <translation>El servidor no respondió.</translation>
    </message>
</context>
<context>
    <name>_ChangeRow</name>
    <message>
        <source>Sign in again to send this change.</source>
        <translation>Vuelve a iniciar sesión para enviar este cambio.</translation>
    </message>
    <message>
        <source>The course was deleted or unpublished.</source>
        <translation>El curso se eliminó o dejó de publicarse.</translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation>El servidor rechazó este cambio.</translation>
    </message>
    <message>
        <source>The server kept failing on this change; Retry sends it again.</source>
        <translation>El servidor falló varias veces con este cambio; «Reintentar» lo vuelve a enviar.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Send this change again: {0}</source>
        <translation>Volver a enviar este cambio: {0}</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Forget this change: {0}</source>
        <translation>Olvidar este cambio: {0}</translation>
    </message>
</context>
<context>
    <name>_CourseRow</name>
    <message>
        <source>Course {0}</source>
        <translation>Curso {0}</translation>
    </message>
    <message>
        <source>Available offline</source>
        <translation>Disponible sin conexión</translation>
    </message>
    <message>
        <source>Partly downloaded ({0} of {1} items)</source>
        <translation>Descargado en parte ({0} de {1} elementos)</translation>
    </message>
    <message>
        <source>No longer on the server: this copy stays until you remove it</source>
        <translation>Ya no está en el servidor: esta copia se conserva hasta que la quites</translation>
    </message>
    <message>
        <source>Stopped: {0}</source>
        <translation>Detenido: {0}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open “{0}”</source>
        <translation>Abrir «{0}»</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Finish downloading “{0}”</source>
        <translation>Terminar de descargar «{0}»</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Delete the offline copy of “{0}”</source>
        <translation>Borrar la copia sin conexión de «{0}»</translation>
    </message>
</context>
</TS>
