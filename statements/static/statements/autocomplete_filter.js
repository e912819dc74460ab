'use strict';
// The changelist's autocomplete filters: choosing in the box (or clearing it) loads the list
// filtered by that choice, keeping the other filters and the search. The box itself is the
// admin's own select2 (autocomplete.js), fed by the admin's autocomplete view.
{
    const $ = django.jQuery;

    $(document).on('change', 'select.autocomplete-filter', function() {
        const url = new URL(this.dataset.filterUrl, window.location.href);
        if (this.value) {
            url.searchParams.set(this.name, this.value);
        }
        window.location.assign(url.toString());
    });
}
