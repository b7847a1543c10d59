from django.urls import path

from .views import public, staff, topics

app_name = "questions"

urlpatterns = [
    # Public
    path("espacios/<slug:slug>/preguntas/", public.space_questions, name="space_public"),
    path(
        "espacios/<slug:slug>/preguntas/recibida/<uuid:key>/",
        public.question_received,
        name="received",
    ),
    path("temas/", public.topics_latest, name="topics_latest"),
    path("estrategia/<int:year>/temas/", public.topics_public, name="topics_public"),
    path("estrategia/<int:year>/temas/proponer/", public.topic_propose, name="topic_propose"),
    path(
        "estrategia/<int:year>/temas/proponer/enviado/<uuid:key>/",
        public.topic_proposed,
        name="topic_proposed",
    ),
    path(
        "estrategia/<int:year>/matriz-de-temas.<str:fmt>",
        public.topic_matrix_public,
        name="topic_matrix_public",
    ),
    # Staff
    path("gestion/preguntas/", staff.queue, name="staff_queue"),
    path("gestion/preguntas/nueva/", staff.capture, name="staff_capture"),
    path("gestion/preguntas/<int:pk>/", staff.detail, name="staff_detail"),
    path("gestion/espacios/<slug:slug>/respuestas/", staff.space_answers, name="space_answers"),
    path("gestion/temas/", topics.topics_staff_latest, name="topics_staff_latest"),
    path("gestion/temas/<int:year>/", topics.topics_staff, name="topics_staff"),
    path("gestion/temas/<int:year>/nuevo/", topics.topic_capture, name="topic_capture"),
    path("gestion/temas/tema/<int:pk>/", topics.topic_detail, name="topic_staff_detail"),
    path(
        "gestion/estrategias/<int:year>/matriz-de-temas.<str:fmt>",
        topics.topic_matrix,
        name="topic_matrix",
    ),
]
