from . import (
    test_create_contacts,
    test_create_from_contact,
    test_delete_merge,
    test_install,
    test_link,
    test_link_kinds,
    test_models,
    test_sync,
)
from . import test_background_runs, test_first_use, test_one_face, test_sync_fields
from . import test_differences, test_numbers_import, test_persons, test_second_use
from . import test_documents, test_interactions
from . import test_tour_interactions
from . import test_i18n, test_tour_ui, test_ui
from . import test_performance
from . import test_random_use
from . import test_bad_input, test_concurrency, test_security
from . import test_reliability
from . import test_series
