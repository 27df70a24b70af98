"""The offer taxonomy and target groups the platform starts with (de, en, tr, it, da)."""

LANGUAGE_ORDER = ("de", "en", "tr", "it", "da")

# slug: (parent slug or None, names)
CATEGORIES = {
    "language-course": (None, ("Sprachkurs", "Language course", "Dil kursu", "Corso di lingua", "Sprogkursus")),
    "language-course-a1": (
        "language-course",
        ("Sprachkurs A1", "Language course A1", "Dil kursu A1", "Corso di lingua A1", "Sprogkursus A1"),
    ),
    "language-course-a2": (
        "language-course",
        ("Sprachkurs A2", "Language course A2", "Dil kursu A2", "Corso di lingua A2", "Sprogkursus A2"),
    ),
    "language-course-b1": (
        "language-course",
        ("Sprachkurs B1", "Language course B1", "Dil kursu B1", "Corso di lingua B1", "Sprogkursus B1"),
    ),
    "language-course-b2": (
        "language-course",
        ("Sprachkurs B2", "Language course B2", "Dil kursu B2", "Corso di lingua B2", "Sprogkursus B2"),
    ),
    "counselling": (None, ("Beratung", "Counselling", "Danışmanlık", "Consulenza", "Rådgivning")),
    "counselling-migration": (
        "counselling",
        (
            "Migrationsberatung",
            "Migration counselling",
            "Göç danışmanlığı",
            "Consulenza sulla migrazione",
            "Migrationsrådgivning",
        ),
    ),
    "counselling-asylum": (
        "counselling",
        ("Asylberatung", "Asylum counselling", "İltica danışmanlığı", "Consulenza sull'asilo", "Asylrådgivning"),
    ),
    "counselling-social": (
        "counselling",
        ("Sozialberatung", "Social counselling", "Sosyal danışmanlık", "Consulenza sociale", "Social rådgivning"),
    ),
    "counselling-family": (
        "counselling",
        ("Familienberatung", "Family counselling", "Aile danışmanlığı", "Consulenza familiare", "Familierådgivning"),
    ),
    "mentoring": (None, ("Patenschaft / Mentoring", "Mentoring", "Mentorluk", "Tutoraggio", "Mentorordning")),
    "integration-guide": (
        None,
        (
            "Integrationslotse",
            "Integration guide",
            "Entegrasyon rehberi",
            "Guida all'integrazione",
            "Integrationsguide",
        ),
    ),
    "job-support": (
        None,
        (
            "Arbeit und Ausbildung",
            "Job and training support",
            "İş ve eğitim desteği",
            "Sostegno al lavoro e alla formazione",
            "Job- og uddannelsesstøtte",
        ),
    ),
    "childcare": (None, ("Kinderbetreuung", "Childcare", "Çocuk bakımı", "Assistenza all'infanzia", "Børnepasning")),
    "health": (None, ("Gesundheit", "Health", "Sağlık", "Salute", "Sundhed")),
    "housing": (None, ("Wohnen", "Housing", "Barınma", "Abitazione", "Bolig")),
    "leisure": (
        None,
        (
            "Freizeit und Begegnung",
            "Leisure and meeting places",
            "Boş zaman ve buluşma yerleri",
            "Tempo libero e luoghi d'incontro",
            "Fritid og mødesteder",
        ),
    ),
}

TARGET_GROUPS = {
    "refugees": ("Geflüchtete", "Refugees", "Mülteciler", "Rifugiati", "Flygtninge"),
    "migrants": ("Migrant*innen", "Migrants", "Göçmenler", "Migranti", "Migranter"),
    "women": ("Frauen", "Women", "Kadınlar", "Donne", "Kvinder"),
    "young-people": ("Jugendliche", "Young people", "Gençler", "Giovani", "Unge"),
    "families": ("Familien", "Families", "Aileler", "Famiglie", "Familier"),
    "children": ("Kinder", "Children", "Çocuklar", "Bambini", "Børn"),
    "seniors": ("Ältere Menschen", "Older people", "Yaşlılar", "Anziani", "Ældre"),
    "newcomers": ("Neu Zugewanderte", "Newcomers", "Yeni gelenler", "Nuovi arrivati", "Nytilkomne"),
}


def load(category_model, target_group_model) -> None:
    """Create or update the taxonomy (idempotent)."""
    for slug, (parent, names) in CATEGORIES.items():
        category, _ = category_model.objects.get_or_create(slug=slug)
        category.names = dict(zip(LANGUAGE_ORDER, names, strict=True))
        category.parent = category_model.objects.get(slug=parent) if parent else None
        category.save()
    for slug, names in TARGET_GROUPS.items():
        group, _ = target_group_model.objects.get_or_create(slug=slug)
        group.names = dict(zip(LANGUAGE_ORDER, names, strict=True))
        group.save()
